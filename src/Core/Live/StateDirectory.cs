namespace Kalc.Iac.Core.Live;

/// <summary>Writes the documents of a live read into a directory for <c>kalc-iac snapshot --out DIR</c>; the
/// offline readers take that directory as <c>--aws-state DIR</c> / <c>--k8s-state DIR</c>.</summary>
public static class StateDirectory
{
    public static async Task WriteAsync(string directory, IEnumerable<StateDocument> documents, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        foreach (var document in documents)
        {
            var path = Path.Combine(directory, SafeName(document.FileName));
            await File.WriteAllBytesAsync(path, document.Json.ToArray(), ct).ConfigureAwait(false);
        }
    }

    /// <summary>Names carry cluster names and ids; keep them to one safe path segment.</summary>
    public static string SafeName(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(chars[i]) || chars[i] is '.' or '-' or '_')) chars[i] = '_';
        }
        var safe = new string(chars);
        return safe.StartsWith('.') ? "_" + safe[1..] : safe;
    }
}
