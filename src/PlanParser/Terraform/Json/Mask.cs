using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>An <c>after_unknown</c> or <c>before_sensitive</c>/<c>after_sensitive</c> mask: <c>true</c> marks a whole
/// subtree. Masks are small; the common ones (absent, false, {}, true, and any that marks nothing: no <c>true</c> in it)
/// need no document at all.</summary>
internal readonly struct Mask : IDisposable
{
    private static readonly JsonElement True = JsonDocument.Parse("true").RootElement;
    private readonly JsonDocument? _document;

    private Mask(JsonElement element, JsonDocument? document)
    {
        Element = element;
        _document = document;
    }

    public JsonElement Element { get; }

    /// <summary>The mask at <paramref name="range"/> of <paramref name="element"/> (whose bytes the document then reads
    /// in place: dispose the mask before the element's buffer is reused).</summary>
    public static Mask Of(ReadOnlyMemory<byte> element, JsonRange range)
    {
        var memory = element.Slice(range.Start, range.Length);
        var text = memory.Span.Trim(" \t\r\n"u8);
        if (text.IsEmpty || text.SequenceEqual("false"u8) || text.SequenceEqual("null"u8) || text.SequenceEqual("{}"u8))
            return default;
        if (text.SequenceEqual("true"u8)) return new Mask(True, null);
        // Only a true marks anything: a mask without one (Terraform writes the shape of every block and list, e.g.
        // {"ingress":[{"cidr_blocks":[false]}],"tags":{}}) marks nothing, as {} does. A key spelled "true" only costs
        // the document.
        if (text.IndexOf("true"u8) < 0) return default;
        var document = JsonDocument.Parse(memory, JsonLimits.DocumentOptions);
        return new Mask(document.RootElement, document);
    }

    public static bool IsEmpty(JsonElement mask) => mask.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.False => true,
        JsonValueKind.Object => mask.GetPropertyCount() == 0,
        _ => false,
    };

    public void Dispose() => _document?.Dispose();
}
