using System.Diagnostics.CodeAnalysis;

namespace Kalc.Iac.Core;

/// <summary>Either a value or the reason the input was rejected. Errors are values until the CLI.</summary>
public readonly record struct ParseResult<T>
{
    private ParseResult(T? value, InputError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public InputError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(InputError error) => new(default, error);

    /// <summary>Runs a reader body, turning an <see cref="InputException"/> (and the parser
    /// exceptions of the libraries we use) into an error value naming <paramref name="file"/>.</summary>
    public static ParseResult<T> Catch(string file, Func<T> read)
    {
        try
        {
            return Ok(read());
        }
        catch (InputException e)
        {
            return Fail(e.Error.File == "?" ? e.Error with { File = file } : e.Error);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Fail(new InputError(file, "not valid JSON: " + JsonTextErrors.Describe(e), (int?)(e.LineNumber + 1), (int?)(e.BytePositionInLine + 1)));
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Fail(new InputError(file, "not valid UTF-8 text"));
        }
        catch (InvalidOperationException e) when (JsonTextErrors.IsInvalidString(e))
        {
            return Fail(new InputError(file, JsonTextErrors.LoneSurrogate));
        }
    }

    public T Unwrap() => IsOk ? Value : throw new InputException(Error);
}
