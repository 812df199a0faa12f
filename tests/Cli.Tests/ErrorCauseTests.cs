using Kalc.Iac.Core;

namespace Kalc.Iac.Cli.Tests;

/// <summary>Errors thrown from work run side by side are reported as themselves, not as the wrapper around them.</summary>
public class ErrorCauseTests
{
    [Fact]
    public void An_input_error_thrown_inside_a_parallel_loop_is_reported_as_the_input_error()
    {
        var thrown = Assert.Throws<AggregateException>(() =>
            Parallel.For(0, 4, i => { if (i == 2) throw new InputException(new InputError("aws/x.json", "not an aws-cli output")); }));

        var cause = Assert.IsType<InputException>(KalcIacCli.Cause(thrown));
        Assert.Equal("aws/x.json", cause.Error.File);
    }

    [Fact]
    public void An_exception_that_is_not_a_wrapper_is_its_own_cause()
    {
        var thrown = new InvalidOperationException("x");

        Assert.Same(thrown, KalcIacCli.Cause(thrown));
    }
}
