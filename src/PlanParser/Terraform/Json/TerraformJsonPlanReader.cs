using System.Collections.Immutable;
using System.Text.Json;
using Kalc.Iac.Core;
using Kalc.Iac.PlanParser.Json;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Json;

/// <summary>Reads <c>terraform show -json PLAN</c> / <c>tofu show -json PLAN</c> output
/// (https://developer.hashicorp.com/terraform/internals/json-format) into a <see cref="Change"/>.
/// Streams the input through a small window: only <c>resource_changes</c> and <c>resource_drift</c> elements are
/// materialised (by worker threads, <see cref="ElementPipeline"/>); everything else (prior_state, configuration,
/// planned_values...) is skipped.</summary>
public static class TerraformJsonPlanReader
{
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file) =>
        Read(utf8OrBomBytes, file, ValueScope.All);

    /// <summary>Reads the plan, materialising before/after values only for the resource types in <paramref name="scope"/>.</summary>
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> utf8OrBomBytes, string file, ValueScope scope) =>
        ParseResult<Change>.Catch(file, () =>
        {
            var payload = JsonPayload.Locate(utf8OrBomBytes, file);
            using var window = new JsonWindow(payload.Utf8, file, payload.SkippedLines + 1);
            return ReadPlan(window, file, scope);
        });

    /// <summary>Reads the plan from a stream with a buffer of a few MB, whatever the size of the plan.
    /// <paramref name="head"/> holds the bytes already taken from the start of the stream (for format detection).</summary>
    public static ParseResult<Change> Read(ReadOnlyMemory<byte> head, Stream rest, string file, ValueScope scope) =>
        Read(head, rest, file, scope, JsonWindow.DefaultBufferBytes);

    internal static ParseResult<Change> Read(ReadOnlyMemory<byte> head, Stream rest, string file, ValueScope scope, int bufferBytes) =>
        ParseResult<Change>.Catch(file, () =>
        {
            using var window = JsonPayload.Open(head, rest, file, bufferBytes);
            return ReadPlan(window, file, scope);
        });

    private static Change ReadPlan(JsonWindow window, string file, ValueScope scope)
    {
        var reader = JsonTopLevel.OpenObject(window, file, "terraform show -json output");
        // One element reader per worker thread: their value factories and string pools are not shared.
        ResourceChangeElement Elements() => new(new PlanValueFactory(), scope);

        string? formatVersion = null, terraformVersion = null;
        var moduleCalls = System.Collections.Immutable.ImmutableDictionary<string, PlanModuleCall>.Empty;
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        var drift = ImmutableArray.CreateBuilder<ResourceChange>();
        var limitations = ImmutableArray.CreateBuilder<string>();
        var sawPlanKey = false;
        var sawStateValues = false;
        var openTofu = false;
        var origin = new ReaderOrigin(window.Line, 1, 0);
        try
        {
            while (JsonStream.Next(ref reader, window) && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("format_version"u8))
                {
                    formatVersion = ReadString(ref reader, window);
                    PlanFormatVersion.Check(formatVersion);
                }
                else if (reader.ValueTextEquals("terraform_version"u8))
                {
                    terraformVersion = ReadString(ref reader, window);
                }
                else if (reader.ValueTextEquals("resource_changes"u8))
                {
                    sawPlanKey = true;
                    openTofu |= ReadArray(ref reader, ref origin, window, file, "resource_changes", Elements, changes);
                }
                else if (reader.ValueTextEquals("resource_drift"u8))
                {
                    sawPlanKey = true;
                    openTofu |= ReadArray(ref reader, ref origin, window, file, "resource_drift", Elements, drift);
                }
                else if (reader.ValueTextEquals("configuration"u8))
                {
                    sawPlanKey = true;
                    JsonStream.NextValue(ref reader, window);
                    moduleCalls = ModuleCallsReader.Read(ref reader, window);
                }
                else if (reader.ValueTextEquals("errored"u8))
                {
                    JsonStream.NextValue(ref reader, window);
                    if (reader.TokenType == JsonTokenType.True)
                        limitations.Add("the plan errored: Terraform stopped planning early, so the changes listed may be incomplete");
                    JsonStream.SkipValue(ref reader, window);
                }
                else if (reader.ValueTextEquals("complete"u8))
                {
                    JsonStream.NextValue(ref reader, window);
                    if (reader.TokenType == JsonTokenType.False)
                        limitations.Add("the plan is not complete (deferred changes or -target): more changes may follow in a later plan");
                    JsonStream.SkipValue(ref reader, window);
                }
                else
                {
                    sawPlanKey |= reader.ValueTextEquals("planned_values"u8) || reader.ValueTextEquals("prior_state"u8) ||
                                  reader.ValueTextEquals("output_changes"u8);
                    sawStateValues |= reader.ValueTextEquals("values"u8);
                    JsonStream.NextValue(ref reader, window);
                    JsonStream.SkipValue(ref reader, window);
                }
            }
            JsonTopLevel.EnsureEnd(ref reader, window, file);
        }
        catch (JsonException e)
        {
            throw new InputException(origin.Locate(file, e));
        }

        if (!sawPlanKey && (sawStateValues || formatVersion is not null))
            throw new InputException(new InputError(file, "this is Terraform state, not a plan; run terraform show -json PLANFILE"));
        PlanFormatVersion.Check(formatVersion);

        return new Change
        {
            Kind = InputKind.TerraformJson,
            File = file,
            FormatVersion = formatVersion,
            Producer = ProducerName.Of(terraformVersion, openTofu),
            ResourceChanges = changes.DrainToImmutable(),
            Drift = drift.DrainToImmutable(),
            Limitations = limitations.DrainToImmutable(),
            ModuleCalls = moduleCalls,
        };
    }

    /// <summary>Reads one array of change objects element by element, each once it is whole in the window (mapped on
    /// worker threads, <see cref="ElementPipeline"/>); returns whether any names an OpenTofu provider. This thread only
    /// finds where each element ends (<see cref="JsonContainer"/>); the worker that maps an element reads all of it with
    /// System.Text.Json, so the input is checked as strictly as a whole-document parse would.</summary>
    private static bool ReadArray(ref Utf8JsonReader reader, ref ReaderOrigin origin, JsonWindow window, string file, string array,
        Func<ResourceChangeElement> elements, ImmutableArray<ResourceChange>.Builder into)
    {
        JsonStream.NextValue(ref reader, window);
        if (reader.TokenType == JsonTokenType.Null) return false;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new InputException(new InputError(file, $"{array} is not an array", window.LineAt(reader.TokenStartIndex)));
        window.Advance((int)reader.BytesConsumed);
        using var pipeline = new ElementPipeline(elements, file, array, into);
        try
        {
            ReadElements(window, file, array, pipeline);
        }
        catch when (pipeline.Settle())
        {
            // An element before the point where the input broke failed too: its error comes first in the file.
        }
        var openTofu = pipeline.Complete();
        // A reader takes over again at the closing bracket, counting lines and columns from there.
        var (line, column) = window.PositionAt(0);
        origin = new ReaderOrigin(line, column, InsideAnArray.Length);
        reader = new Utf8JsonReader(window.Span, window.IsFinal, InsideAnArrayState());
        JsonStream.Next(ref reader, window);
        return openTofu;
    }

    /// <summary>Queues the elements of the array the window is inside, leaving the window on its closing bracket.</summary>
    private static void ReadElements(JsonWindow window, string file, string array, ElementPipeline pipeline)
    {
        var expectElement = true;
        var first = true;
        var at = 0;
        while (!pipeline.Failed)
        {
            var span = window.Span;
            at = JsonContainer.SkipWhitespace(span, at);
            if (at == span.Length)
            {
                if (window.IsFinal) throw Broken(window, at, file, $"the input ends inside {array}");
                window.Advance(at);
                window.Fill();
                at = 0;
                continue;
            }
            var b = span[at];
            if (!expectElement || (first && b == (byte)']'))
            {
                if (b == (byte)']')
                {
                    window.Advance(at);
                    return;
                }
                if (b != (byte)',') throw Broken(window, at, file, $"expected ',' or ']' after an element of {array}, found '{(char)b}'");
                at++;
                expectElement = true;
                continue;
            }
            if (b is not ((byte)'{' or (byte)'['))
                throw NotAnObject(window, at, file, $"{array}[{pipeline.Count}]");
            var length = JsonContainer.Length(span[at..]);
            if (length < 0)
            {
                if (window.IsFinal) throw Broken(window, at, file, $"the input ends inside {array}[{pipeline.Count}]");
                // Not all of the element is here yet.
                window.Advance(at);
                window.Fill();
                at = 0;
                continue;
            }
            var (line, column) = window.PositionAt(at);
            pipeline.Add(span.Slice(at, length), line, column);
            at += length;
            expectElement = false;
            first = false;
        }
    }

    /// <summary>What a reader has read when it is just inside an array that is a property of the top-level object.</summary>
    private static readonly byte[] InsideAnArray = "{\"\":["u8.ToArray();

    private static JsonReaderState InsideAnArrayState()
    {
        var reader = new Utf8JsonReader(InsideAnArray, isFinalBlock: false, new JsonReaderState(JsonLimits.ReaderOptions));
        while (reader.Read() && reader.TokenType != JsonTokenType.StartArray) { }
        return reader.CurrentState;
    }

    private static InputException Broken(JsonWindow window, int at, string file, string why)
    {
        var (line, column) = window.PositionAt(at);
        return new InputException(new InputError(file, "not valid JSON: " + why, line, column));
    }

    /// <summary>An element that is not an object or array: a syntax error as System.Text.Json words it, or what it is.</summary>
    private static InputException NotAnObject(JsonWindow window, int at, string file, string element)
    {
        var (line, column) = window.PositionAt(at);
        var value = new Utf8JsonReader(window.Span[at..], window.IsFinal, default);
        string found;
        try
        {
            found = value.Read() ? ResourceChangeElement.KindOf(value.TokenType) : "a value that is not an object";
        }
        catch (JsonException e)
        {
            return new InputException(new InputError(file, "not valid JSON: " + JsonTextErrors.Describe(e), line, column));
        }
        return new InputException(new InputError(file, $"{element}: expected an object, found {found}", line));
    }

    private static string? ReadString(ref Utf8JsonReader reader, JsonWindow window)
    {
        JsonStream.NextValue(ref reader, window);
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        JsonStream.SkipValue(ref reader, window);
        return null;
    }
}
