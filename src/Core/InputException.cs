namespace Kalc.Iac.Core;

/// <summary>Thrown inside a reader to abandon a bad input; every reader's public entry point
/// catches it and returns the <see cref="InputError"/> as a value (see <see cref="ParseResult{T}"/>).</summary>
public sealed class InputException : Exception
{
    public InputException(InputError error) : base(error.ToString()) => Error = error;

    public InputException() : this(new InputError("?", "invalid input")) { }

    public InputException(string message) : this(new InputError("?", message)) { }

    public InputException(string message, Exception inner) : base(message, inner) => Error = new InputError("?", message);

    public InputError Error { get; }
}
