using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kalc.Iac.Analyzers.Model;

namespace Kalc.Iac.Reporting.Json;

/// <summary>Writes "changes.notAnalysed" straight from the model: each change as {"address", "status", "reason"}, the
/// reason "ADDRESS: REASON" from its parts (<see cref="UnanalysedChange.WriteWhy"/>). A large plan lists tens of
/// thousands of them, each otherwise a wire record (and its sentence a string) made only to be written. The report is
/// only written, never read back through this type.</summary>
internal sealed class NotAnalysedConverter : JsonConverter<ImmutableArray<UnanalysedChange>>
{
    [ThreadStatic]
    private static char[]? _scratch;

    public override ImmutableArray<UnanalysedChange> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the JSON report is written, not read");

    public override void Write(Utf8JsonWriter writer, ImmutableArray<UnanalysedChange> value, JsonSerializerOptions options)
    {
        var scratch = _scratch ??= new char[256];
        writer.WriteStartArray();
        foreach (var change in value.IsDefault ? [] : value)
        {
            writer.WriteStartObject();
            writer.WriteString("address"u8, change.Address);
            writer.WriteString("status"u8, Status(change.Status));
            var length = change.WriteWhy(ref scratch);
            writer.WriteString("reason"u8, scratch.AsSpan(0, length));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        _scratch = scratch;
    }

    private static string Status(MappingStatus status) => status switch
    {
        MappingStatus.Analysed => "analysed",
        MappingStatus.Unsupported => "unsupported",
        MappingStatus.Unknown => "unknown",
        _ => status.ToString().ToLowerInvariant(),
    };
}
