using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kalc.Iac.Bench.Generator;

/// <summary>The only file-system access: creates a file under the output directory and hands out a
/// streaming writer (indented 4 like aws-cli, or compact like terraform show -json).</summary>
internal sealed class JsonFile(string root)
{
    public long BytesWritten { get; private set; }

    public List<string> Files { get; } = [];

    public void Write(string relativePath, bool indented, Action<Utf8JsonWriter> body)
    {
        WriteStream(relativePath, stream =>
        {
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions
            {
                Indented = indented,
                IndentSize = 4,
                NewLine = "\n",
                Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            });
            body(w);
        });
    }

    public void WriteStream(string relativePath, Action<Stream> body)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            body(file);
            file.WriteByte((byte)'\n');
            BytesWritten += file.Position;
        }
        Files.Add(relativePath);
    }
}
