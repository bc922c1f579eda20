using System.Security.Cryptography;
using System.Text;

namespace MouWorkspace.Web.Hosting;

/// <summary>A random key in a file of the data folder (<c>{App:DataPath}/keys/</c>), created on first start with owner-only permissions.</summary>
public static class KeyFile
{
    public static byte[] LoadOrCreate(string dataPath, string name)
    {
        var file = Path.Combine(dataPath, "keys", name);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var writer = new StreamWriter(file, Encoding.ASCII, options);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process created it first: use theirs.
            }
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
