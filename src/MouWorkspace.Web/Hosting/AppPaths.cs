using MouWorkspace.Web.Storage;

namespace MouWorkspace.Web.Hosting;

public static class AppPaths
{
    /// <summary>
    /// The data folder (<c>App:DataPath</c>): Azurite's files, the local signing key and the local audit chain key. Defaults to
    /// <c>azurite/data</c> in the repository, which git ignores.
    /// </summary>
    public static string DataPath(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["App:DataPath"];
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured, environment.ContentRootPath);
        var azurite = configuration["Azurite:Directory"] ?? AzuriteProcess.FindDirectory()
            ?? throw new InvalidOperationException("Cannot find the azurite/ folder of the repository: set App:DataPath (and Azurite:Directory) or ConnectionStrings:AzureStorage.");
        return Path.Combine(azurite, "data");
    }
}
