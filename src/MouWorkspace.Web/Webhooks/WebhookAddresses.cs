using System.Net;
using System.Net.Sockets;

namespace MouWorkspace.Web.Webhooks;

/// <summary>
/// Where a webhook may send: an absolute http(s) URL whose host is on the public internet. Loopback, private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 — cloud metadata —, fe80::/10), carrier-grade NAT
/// (100.64/10), unspecified and multicast addresses are refused, at registration and again on each connection
/// (a name that resolves elsewhere later is caught then), unless <c>Webhooks:AllowPrivateAddresses</c> is set —
/// by default only in Development, where receivers run on this machine.
/// </summary>
public sealed class WebhookAddresses(bool allowPrivate)
{
    public bool AllowPrivate => allowPrivate;

    /// <summary>Null when the URL may be used; otherwise why not, in a sentence.</summary>
    public async Task<string?> ProblemAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return "url: an absolute http or https address of the receiver";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "url: an address with a user name or password in it is refused; use the secret to authenticate deliveries";
        if (allowPrivate)
            return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.DnsSafeHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"url: the host {uri.Host} could not be resolved";
        }
        if (addresses.Length == 0)
            return $"url: the host {uri.Host} could not be resolved";
        return addresses.FirstOrDefault(IsInternal) is { } inner
            ? $"url: {uri.Host} is an internal address ({inner}); webhooks are delivered to receivers on the public internet only"
            : null;
    }

    public bool Allows(IPAddress address) => allowPrivate || !IsInternal(address);

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10 || b[0] == 0 || b[0] == 127 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) ||
            (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224;
    }
}
