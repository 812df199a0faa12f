using System.Text;
using System.Text.Unicode;

namespace Kalc.Iac.Core;

/// <summary>Brings the bytes of a JSON input to strict UTF-8 without BOM, for <c>Utf8JsonReader</c>/<c>JsonDocument</c>:
/// UTF-16/32 with BOM is transcoded, binary content and invalid UTF-8 end in an <see cref="InputError"/>.</summary>
public static class Utf8Input
{
    public static ReadOnlyMemory<byte> Normalize(ReadOnlyMemory<byte> bytes, string file)
    {
        var (encoding, bom) = InputText.DetectEncoding(bytes.Span);
        if (encoding is not UTF8Encoding)
            return Encoding.UTF8.GetBytes(InputText.Decode(bytes.Span, file));
        var body = bytes[bom..];
        if (bom == 0 && InputText.LooksBinary(body.Span))
            throw new InputException(new InputError(file, "binary content, not text"));
        // System.Text.Json only checks UTF-8 inside the strings it is asked to decode; check it all up front.
        if (!Utf8.IsValid(body.Span))
            throw new InputException(new InputError(file, "not valid UTF-8 text"));
        return body;
    }
}
