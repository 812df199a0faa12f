using System.Text.Json;
using System.Text.Json.Serialization;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Json;

/// <summary>Writes a not-analysed change's reason, "ADDRESS: REASON", from its parts (<see cref="UnanalysedChange.WriteWhy"/>):
/// a large plan lists tens of thousands of them, each sentence otherwise made as a string only to be written. The report
/// is only written, never read back through this type.</summary>
internal sealed class UnanalysedReasonConverter : JsonConverter<UnanalysedChange>
{
    [ThreadStatic]
    private static char[]? _scratch;

    public override UnanalysedChange Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the JSON report is written, not read");

    public override void Write(Utf8JsonWriter writer, UnanalysedChange value, JsonSerializerOptions options)
    {
        var scratch = _scratch ??= new char[256];
        var length = value.WriteWhy(ref scratch);
        _scratch = scratch;
        writer.WriteStringValue(scratch.AsSpan(0, length));
    }
}
