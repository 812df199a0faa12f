using System.Text.Json.Serialization;

namespace Kalc.Iac.Reporting.Json;

/// <summary>Source-generated serializer for the report's wire records: no reflection, same bytes every run.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n")]
[JsonSerializable(typeof(JsonReportWire))]
internal sealed partial class JsonReportContext : JsonSerializerContext;
