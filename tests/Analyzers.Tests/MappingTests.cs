using Kalc.Iac.Analyzers.Mapping;
using Kalc.Iac.Analyzers.Mapping.Aws;
using Kalc.Iac.PlanParser.Model;
using static Kalc.Iac.Analyzers.Tests.TestWorld;

namespace Kalc.Iac.Analyzers.Tests;

/// <summary>Mapping plan values onto typed values.</summary>
public class MappingTests
{
    [Fact]
    public void A_change_whose_before_and_after_are_one_object_is_read_once_into_one_value()
    {
        var values = Obj(("name", "node"), ("arn", "arn:aws:iam::111122223333:role/node"));
        var noOp = Change("aws_iam_role", "aws_iam_role.node", [ChangeAction.NoOp], values, values);

        var mapped = Assert.IsType<IamRoleChange>(ResourceMappers.Map(noOp));

        Assert.Same(mapped.Before, mapped.After);
        Assert.Equal("node", mapped.After!.Name.Value);
    }

    [Fact]
    public void A_change_with_separate_before_and_after_objects_reads_each()
    {
        var noOp = Change("aws_iam_role", "aws_iam_role.node", [ChangeAction.Update], Obj(("name", "node")), Obj(("name", "node-2")));

        var mapped = Assert.IsType<IamRoleChange>(ResourceMappers.Map(noOp));

        Assert.Equal("node", mapped.Before!.Name.Value);
        Assert.Equal("node-2", mapped.After!.Name.Value);
    }
}
