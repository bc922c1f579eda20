using MouWorkspace.Grains.Audit;

namespace MouWorkspace.Web.Hosting;

public static class AuditSetup
{
    public const string KeyFileName = "audit.key";

    /// <summary>
    /// The audit chain's HMAC key, never kept in storage (whoever can write there must not be able to seal records):
    /// <c>Audit:ChainKey</c> (base64, at least 32 bytes; from Key Vault or a secret in production, set by tests), or
    /// locally <c>{App:DataPath}/keys/audit.key</c>, generated on first start. The Production environment refuses
    /// to start without a configured key: a key file beside the app would be lost with the machine, and every log
    /// written with it would no longer verify. <c>Audit:PreviousKeys</c> (base64, a list or comma-separated) keeps
    /// records sealed before a rotation verifiable; <c>Audit:AcceptLegacy=false</c> refuses unkeyed records.
    /// </summary>
    public static AuditKeys LoadKeys(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Audit:ChainKey"];
        byte[] current;
        if (!string.IsNullOrWhiteSpace(configured))
            current = Base64(configured, "Audit:ChainKey");
        else if (environment.IsProduction())
            throw new InvalidOperationException(
                "Audit:ChainKey is not configured: in the Production environment the audit chain key (base64, 32 bytes or more) must come from " +
                "configuration (Key Vault or a secret, e.g. the environment variable Audit__ChainKey), so that it is neither in storage nor lost with the machine. " +
                "Generate one with `openssl rand -base64 32`.");
        else
            current = KeyFile.LoadOrCreate(AppPaths.DataPath(configuration, environment), KeyFileName);
        var section = configuration.GetSection("Audit:PreviousKeys");
        var previous = (section.Value is { } list ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [])
            .Concat(section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => !string.IsNullOrWhiteSpace(v)))
            .Select(v => Base64(v, "Audit:PreviousKeys"));
        return new AuditKeys(current, previous, configuration.GetValue("Audit:AcceptLegacy", true));
    }

    private static byte[] Base64(string value, string setting)
    {
        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64.");
        }
    }
}
