using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MouWorkspace.Abstractions.Webhooks;
using MouWorkspace.Grains.Webhooks;

namespace MouWorkspace.Web.Webhooks;

/// <summary>
/// One delivery as a JSON POST: <c>X-MouWorkspace-Signature: sha256=&lt;hex HMAC-SHA256 of the body with the secret&gt;</c>,
/// <c>X-MouWorkspace-Event</c> (the kind), <c>X-MouWorkspace-Delivery</c> (the event id, the same on every retry). The
/// connection is refused when the address it reaches is internal (see <see cref="WebhookAddresses"/>); no redirects.
/// </summary>
public sealed class HttpWebhookSender : IWebhookSender, IDisposable
{
    public const string SignatureHeader = "X-MouWorkspace-Signature";

    private readonly HttpClient client;

    public HttpWebhookSender(WebhookAddresses addresses)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var entries = await System.Net.Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var address = entries.FirstOrDefault(addresses.Allows)
                    ?? throw new HttpRequestException($"{context.DnsEndPoint.Host} resolves to an internal address only; not delivered");
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(address, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("MouWorkspace-Webhooks/1");
    }

    public static string Signature(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public async Task<WebhookAttempt> SendAsync(string url, string secret, WebhookPayload payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(payload.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(SignatureHeader, Signature(secret, payload.Body));
        request.Headers.Add("X-MouWorkspace-Event", payload.Kind);
        request.Headers.Add("X-MouWorkspace-Delivery", payload.EventId);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new WebhookAttempt((int)response.StatusCode, response.IsSuccessStatusCode ? null : response.ReasonPhrase);
        }
        catch (HttpRequestException ex)
        {
            return new WebhookAttempt(null, ex.Message);
        }
        catch (TaskCanceledException)
        {
            return new WebhookAttempt(null, "the receiver did not answer within 10 s");
        }
    }

    public void Dispose() => client.Dispose();
}
