using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Attribute values come out as PlanValues: unknown, sensitive, null, collections, jsonencode, heredocs.</summary>
public class ValueTests
{
    private static ResourceChange One(string body, string header = "will be updated in-place", string marker = "~", string summary = "Plan: 0 to add, 1 to change, 0 to destroy.") =>
        TerraformTextPlanReader.Read($$"""
              # aws_iam_role.r {{header}}
              {{marker}} resource "aws_iam_role" "r" {
            {{body}}
                }

            {{summary}}
            """, "p").Unwrap().ResourceChanges.Single();

    [Fact]
    public void Scalars_unknowns_sensitives_and_nulls()
    {
        var c = One("""
                  ~ arn       = "arn:aws:iam::1:role/a" -> (known after apply)
                  ~ secret    = (sensitive value)
                  - path      = "/" -> null
                  + max       = 3600
                    force     = false
                  ~ tags      = {
                      + "team" = "eks"
                      - "old"  = "x" -> null
                        # (1 unchanged element hidden)
                    }
            """);

        Assert.Equal("arn:aws:iam::1:role/a", c.Before["arn"].AsString());
        Assert.True(c.After["arn"].IsUnknown);
        Assert.True(c.Before["secret"].IsSensitive && c.After["secret"].IsSensitive);
        Assert.True(((PlanObject)c.After).Properties["path"].IsNull);
        Assert.Equal(new PlanNumber("3600"), c.After["max"]);
        Assert.Equal(new PlanBool(false), c.Before["force"]);
        Assert.Equal("eks", c.After["tags"]["team"].AsString());
        Assert.False(((PlanObject)c.After["tags"]).Properties.ContainsKey("old"));
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Jsonencode_blocks_become_compact_json_strings()
    {
        var c = One("""
                  + assume_role_policy = jsonencode(
                        {
                          + Statement = [
                              + {
                                  + Action    = "sts:AssumeRole"
                                  + Effect    = "Allow"
                                  + Principal = {
                                      + Service = "ec2.amazonaws.com"
                                    }
                                },
                            ]
                          + Version   = "2012-10-17"
                        }
                    )
                  + policy             = jsonencode(
                        {
                          + arn = (known after apply)
                        }
                    )
            """, "will be created", "+", "Plan: 1 to add, 0 to change, 0 to destroy.");

        Assert.Equal("""{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"}}],"Version":"2012-10-17"}""",
            c.After["assume_role_policy"].AsString());
        Assert.True(c.After["policy"].IsUnknown);
        Assert.True(c.Before.IsNull);
    }

    [Fact]
    public void Jsonencode_with_hidden_parts_is_unknown_on_both_sides()
    {
        var c = RealPlanFixtureTests.Read("terraform-plans/paired/opentofu-equivalence/basic_json_string_update/plan.txt").ResourceChanges.Single();

        Assert.True(c.Before["string"].IsUnknown);
        Assert.True(c.After["string"].IsUnknown);
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Heredoc_diff_lines_split_into_before_and_after()
    {
        var c = RealPlanFixtureTests.Read("terraform-plans/paired/opentofu-equivalence/basic_multiline_string_update/plan.txt").ResourceChanges.Single();

        Assert.Equal("one\ntwo\nthree\nfour\nfive\n", c.Before["string"].AsString());
        Assert.Equal("one\nthree\ntwo\nfour\nsix\nseven\n", c.After["string"].AsString());
    }

    [Fact]
    public void Forces_replacement_comments_become_replace_paths()
    {
        var changes = RealPlanFixtureTests.Read("terraform-plans/text/borchero-terraform-plan-comment/1-modify-tf1.13.5.txt").ResourceChanges;

        Assert.All(changes, c => Assert.Equal(["content"], c.ReplacePaths.ToArray()));
        Assert.True(changes[0].After["content"].IsSensitive);
        Assert.StartsWith("just a line\n  - just a line with hyphen\n", changes[1].After["content"].AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_blocks_become_lists_of_objects_and_sensitive_blocks_stay_hidden()
    {
        var c = RealPlanFixtureTests.Read("terraform-plans/text/oocx-tfplan2md/azuredevops-plan2-tf1.14.2-nocolor.txt").ResourceChanges
            .Single(r => r.Address == "azuredevops_build_definition.example2");

        Assert.Equal("TfsGit", c.After["repository"].AsList().Single()["repo_type"].AsString());
        Assert.Equal(2, c.After["variable"].AsList().Count);
        Assert.All(c.After["variable"].AsList(), v => Assert.True(v.IsSensitive));
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Quoted_strings_are_unescaped()
    {
        var c = One("""
                  ~ description = "say \"hi\"\n\ttab $${var} \u00e9" -> "C:\\path"
            """);

        Assert.Equal("say \"hi\"\n\ttab ${var} \u00e9", c.Before["description"].AsString());
        Assert.Equal("C:\\path", c.After["description"].AsString());
    }
}
