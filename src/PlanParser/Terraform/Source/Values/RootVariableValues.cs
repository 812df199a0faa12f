using System.Text;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Hcl;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>The values the root module's variables are given, read as Terraform reads them, later sources winning
/// (https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence): <c>TF_VAR_name</c>
/// environment variables, <c>terraform.tfvars</c>, <c>terraform.tfvars.json</c>, every <c>*.auto.tfvars</c> and
/// <c>*.auto.tfvars.json</c> in lexical order of their names, then each <c>--var-file</c> in the order given. Only
/// variables the root module declares are kept (Terraform ignores the others with a warning). An environment value is
/// taken literally for a variable of a primitive type or none, and parsed as an HCL expression otherwise
/// (hashicorp/terraform internal/configs/named_values.go, VariableParsingMode).</summary>
public sealed record RootVariableValues(IReadOnlyDictionary<string, RootVariableValue> Values)
{
    public static readonly RootVariableValues None = new(new Dictionary<string, RootVariableValue>());

    /// <summary>Every file that was read, in the order read (what the report names).</summary>
    public IReadOnlyList<string> FilesRead { get; init; } = [];

    /// <summary>A value file is a few settings; anything larger is not one.</summary>
    public const long MaxFileBytes = 8L << 20;

    public static ParseResult<RootVariableValues> Load(TerraformConfiguration configuration, IReadOnlyList<string> varFiles, Func<string, string?> environment)
    {
        var declared = configuration.Root.Variables;
        var values = new Dictionary<string, RootVariableValue>(StringComparer.Ordinal);
        foreach (var (name, variable) in declared)
        {
            if (environment("TF_VAR_" + name) is not { } text) continue;
            var origin = new ValueOrigin("var." + name, "TF_VAR_" + name, null, null);
            values[name] = new RootVariableValue(name, FromEnvironment(text, variable.Node, name), origin);
        }
        var files = AutoLoaded(configuration.RootDirectory).Concat(varFiles.Select(Path.GetFullPath)).ToList();
        var read = new List<string>();
        foreach (var file in files)
        {
            var shown = Path.GetRelativePath(configuration.DisplayRoot, file).Replace('\\', '/');
            if (!File.Exists(file)) return ParseResult<RootVariableValues>.Fail(new InputError(shown, "--var-file: no such file"));
            var result = ParseResult<List<(string Name, PlanValue Value, int Line)>>.Catch(shown, () =>
            {
                var text = InputText.Decode(BoundedFile.ReadAll(file, shown, MaxFileBytes, "a variable definitions file"), shown);
                return file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Json(text, shown) : Hcl(text, shown);
            });
            if (!result.IsOk) return ParseResult<RootVariableValues>.Fail(result.Error);
            read.Add(shown);
            foreach (var (name, value, line) in result.Value!)
                if (declared.ContainsKey(name)) values[name] = new RootVariableValue(name, value, new ValueOrigin("var." + name, $"{shown}:{line}", shown, line));
        }
        return ParseResult<RootVariableValues>.Ok(new RootVariableValues(values) { FilesRead = read });
    }

    /// <summary>terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json) sorted by name, in the root directory.</summary>
    public static IEnumerable<string> AutoLoaded(string rootDirectory)
    {
        foreach (var name in new[] { "terraform.tfvars", "terraform.tfvars.json" })
            if (File.Exists(Path.Combine(rootDirectory, name))) yield return Path.Combine(rootDirectory, name);
        var auto = Directory.EnumerateFiles(rootDirectory)
            .Where(f => Path.GetFileName(f) is var n && (n.EndsWith(".auto.tfvars", StringComparison.Ordinal) || n.EndsWith(".auto.tfvars.json", StringComparison.Ordinal)))
            .OrderBy(Path.GetFileName, StringComparer.Ordinal);
        foreach (var f in auto) yield return f;
    }

    private static List<(string, PlanValue, int)> Hcl(string text, string shown)
    {
        var file = HclParser.Parse(text, shown).Unwrap();
        if (file.Body.Blocks.FirstOrDefault() is { } block)
        {
            var (line, column) = file.Source.Position(block.Range.Start);
            throw new InputException(new InputError(shown, "a variable definitions file holds only NAME = VALUE lines, not blocks", line, column));
        }
        return [.. file.Body.Attributes.Select(a => (a.Name, ExpressionEvaluator.Constant.Evaluate(a.Expression), file.Source.Position(a.Range.Start).Line))];
    }

    /// <summary>A .tfvars.json file: one JSON object, each property a variable; its line is where its name is.</summary>
    private static List<(string, PlanValue, int)> Json(string text, string shown)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, JsonLimits.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new InputException(new InputError(shown, "a .tfvars.json file is one JSON object"));
        var result = new List<(string, PlanValue, int)>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
            reader.Read();
            using var doc = JsonDocument.ParseValue(ref reader);
            result.Add((name, FromJson(doc.RootElement), line));
        }
        return result;
    }

    private static PlanValue FromJson(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => new PlanString(e.GetString()!),
        JsonValueKind.Number => new PlanNumber(e.GetRawText()),
        JsonValueKind.True => new PlanBool(true),
        JsonValueKind.False => new PlanBool(false),
        JsonValueKind.Array => new PlanList([.. e.EnumerateArray().Select(FromJson)]),
        JsonValueKind.Object => new PlanObject(PlanPropertyDictionary.From(e.EnumerateObject().Select(p => new KeyValuePair<string, PlanValue>(p.Name, FromJson(p.Value))))),
        _ => PlanValue.Null,
    };

    private static PlanValue FromEnvironment(string text, HclBlock variable, string name)
    {
        var literal = variable.Body.Attribute("type")?.Expression is null or HclVariable { Name: "string" or "number" or "bool" };
        if (literal) return new PlanString(text);
        var parsed = HclParser.Parse("v = " + text + "\n", "TF_VAR_" + name);
        return parsed.IsOk && parsed.Value!.Body.Attribute("v") is { } a ? ExpressionEvaluator.Constant.Evaluate(a.Expression) : PlanValue.Unknown;
    }
}
