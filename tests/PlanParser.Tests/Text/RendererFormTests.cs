using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>Every form Terraform's and OpenTofu's human-readable renderers print, read back. The bodies are the
/// expected outputs of the renderers' own tests, embedded in a resource: hashicorp/terraform
/// internal/command/jsonformat/computed/renderers/renderer_test.go (the same file exists in opentofu/opentofu),
/// renderers/block.go, blocks.go, list.go, map.go, set.go, object.go, primitive.go, type_change.go, write_only.go,
/// sensitive_block.go, internal/command/jsonformat/plan.go (headers, summary), and the 0.12-1.2 renderer
/// internal/command/format/diff.go (writeNestedBlockDiff).</summary>
public class RendererFormTests
{
    private static Change Plan(string body, string header = "will be updated in-place", string marker = "~", string summary = "Plan: 0 to add, 1 to change, 0 to destroy.") =>
        TerraformTextPlanReader.Read($$"""
            Terraform will perform the following actions:

              # aws_x.r {{header}}
              {{marker}} resource "aws_x" "r" {
            {{body}}
                }

              # aws_x.after will be updated in-place
              ~ resource "aws_x" "after" {
                  ~ n = 1 -> 2
                }

            {{summary}}
            """, "p").Unwrap();

    private static ResourceChange One(string body, string header = "will be updated in-place", string marker = "~", string summary = "Plan: 0 to add, 2 to change, 0 to destroy.")
    {
        var plan = Plan(body, header, marker, summary);
        // The resource after the one under test is read whole: nothing of the body leaked past its end.
        Assert.Equal(["aws_x.r", "aws_x.after"], plan.ResourceChanges.Select(c => c.Address));
        Assert.Equal(new PlanNumber("2"), plan.ResourceChanges[1].After["n"]);
        return plan.ResourceChanges[0];
    }

    [Fact]
    public void An_empty_block_printed_as_braces_on_one_line_is_an_empty_object()
    {
        // renderers/block.go: a block with no attributes and no blocks renders as "{}" (+ " # forces replacement").
        var c = One("""
                  - ami = "ami-1" -> null
                  - timeouts {}
            """, "will be destroyed", "-", "Plan: 0 to add, 1 to change, 1 to destroy.");

        Assert.Equal(PlanObject.Empty, c.Before["timeouts"].AsList().Single());
        Assert.True(c.After.IsNull);
    }

    [Fact]
    public void An_empty_block_with_its_closing_brace_on_the_next_line_is_an_empty_object()
    {
        // format/diff.go writeNestedBlockDiff (Terraform 0.12-1.2): "NAME {" and, when the body wrote nothing
        // but block types, "}" on the next line.
        var c = One("""
                  + name = "x"

                  + allow {
                    }
                  + allow {
                      + protocol = "tcp"
                    }
            """, "will be created", "+", "Plan: 1 to add, 1 to change, 0 to destroy.");

        Assert.Equal(2, c.After["allow"].AsList().Count);
        Assert.Equal(PlanObject.Empty, c.After["allow"].AsList()[0]);
        Assert.Equal("tcp", c.After["allow"].AsList()[1]["protocol"].AsString());
    }

    [Fact]
    public void An_empty_block_that_forces_replacement_names_its_path()
    {
        var c = One("""
                  ~ id = "i-1" -> (known after apply)
                  + timeouts {} # forces replacement
            """, "must be replaced", "-/+", "Plan: 1 to add, 1 to change, 1 to destroy.");

        Assert.Contains("timeouts", c.ReplacePaths);
        Assert.Equal(PlanObject.Empty, c.After["timeouts"].AsList().Single());
        Assert.False(((PlanObject)c.Before).Properties.ContainsKey("timeouts"));
    }

    [Fact]
    public void Map_blocks_become_objects_by_key()
    {
        // renderer_test.go "map_block_update".
        var c = One("""
                  ~ list_blocks "key:two" {
                      - number = 1 -> null
                      ~ string = "old" -> "new"
                    }
                  ~ list_blocks "key_one" {
                      ~ number = 1 -> 2
                      + string = "new"
                    }
            """);

        Assert.Equal("new", c.After["list_blocks"]["key:two"]["string"].AsString());
        Assert.Equal("old", c.Before["list_blocks"]["key:two"]["string"].AsString());
        Assert.Equal(new PlanNumber("2"), c.After["list_blocks"]["key_one"]["number"]);
        Assert.False(((PlanObject)c.Before["list_blocks"]["key_one"]).Properties.ContainsKey("string"));
    }

    [Fact]
    public void Names_that_are_not_identifiers_are_quoted_for_attributes_and_blocks()
    {
        // renderer_test.go "block_escapes_keys": ensureValidAttributeName quotes with %q.
        var c = One("""
                  ~ "attribute:two" = 2 -> 3
                  ~ attribute_one   = 1 -> 2

                  ~ "nested_block:one" {
                      ~ string = "one" -> "four"
                    }

                  ~ nested_block_two {
                      ~ string = "two" -> "three"
                    }
            """);

        Assert.Equal(new PlanNumber("3"), c.After["attribute:two"]);
        Assert.Equal("four", c.After["nested_block:one"].AsList().Single()["string"].AsString());
        Assert.Equal("two", c.Before["nested_block_two"].AsList().Single()["string"].AsString());
    }

    [Fact]
    public void Unchanged_attributes_and_blocks_hidden_in_a_block_make_the_values_incomplete()
    {
        // renderer_test.go "update_populated_block" and "block_always_includes_important_attributes".
        var c = One("""
                  ~ boolean = false -> true
                  + string  = "root"

                  + nested_block_two {
                      + string = "two"
                    }

                  ~ inner {
                        id      = "root"
                        # (1 unchanged attribute hidden)

                        # (2 unchanged blocks hidden)
                    }

                    # (1 unchanged block hidden)
            """);

        Assert.Equal("root", c.After["inner"].AsList().Single()["id"].AsString());
        Assert.Equal("two", c.After["nested_block_two"].AsList().Single()["string"].AsString());
        Assert.False(((PlanObject)c.Before).Properties.ContainsKey("nested_block_two"));
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Sensitive_blocks_are_sensitive_elements_on_the_sides_their_marker_gives()
    {
        // renderers/sensitive_block.go and its warnings (block will be marked as sensitive).
        var c = One("""
                  + secret_block {
                      # At least one attribute in this block is (or was) sensitive,
                      # so its contents will not be displayed.
                    }
                  # Warning: this block will be marked as sensitive and will not
                  # display in UI output after applying this change.
                  ~ other {
                      # At least one attribute in this block is (or was) sensitive,
                      # so its contents will not be displayed.
                    }
            """);

        Assert.True(c.After["secret_block"].AsList().Single().IsSensitive);
        Assert.False(((PlanObject)c.Before).Properties.ContainsKey("secret_block"));
        Assert.True(c.Before["other"].AsList().Single().IsSensitive && c.After["other"].AsList().Single().IsSensitive);
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Lists_with_context_elements_elisions_unknowns_and_nested_objects()
    {
        // renderer_test.go "list_update_with_context", "list_update_replace", "list_update_unknown",
        // "nested_list_update_replace", "list_delete" (] -> null).
        var c = One("""
                  ~ context = [
                        # (1 unchanged element hidden)
                        1,
                      ~ 2 -> 5,
                        3,
                        # (1 unchanged element hidden)
                    ]
                  ~ replaced = [ # forces replacement
                      ~ 0 -> 1,
                    ]
                  ~ unknown = [
                      ~ 0 -> (known after apply),
                    ]
                  ~ nested = [
                      ~ { # forces replacement
                          ~ attribute_one = 0 -> 1
                        },
                    ]
                  - gone = [
                      - 1,
                    ] -> null
                  + empty = []
            """, "must be replaced", "-/+", "Plan: 1 to add, 1 to change, 1 to destroy.");

        Assert.Equal(["1", "2", "3"], c.Before["context"].AsList().Select(v => ((PlanNumber)v).Text));
        Assert.Equal(["1", "5", "3"], c.After["context"].AsList().Select(v => ((PlanNumber)v).Text));
        Assert.True(c.After["unknown"].AsList().Single().IsUnknown);
        Assert.Equal(new PlanNumber("1"), c.After["nested"].AsList().Single()["attribute_one"]);
        Assert.True(((PlanObject)c.After).Properties["gone"].IsNull);
        Assert.Empty(c.After["empty"].AsList());
        Assert.Contains("replaced", c.ReplacePaths);
        Assert.Contains("nested[0]", c.ReplacePaths);
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Sets_show_added_and_removed_elements_and_hide_the_rest()
    {
        // renderers/set.go: unchanged elements are all hidden, "# (N unchanged elements hidden)".
        var c = One("""
                  ~ cidr_blocks = [
                      + "10.1.0.0/16",
                      - "10.0.0.0/16",
                        # (2 unchanged elements hidden)
                    ]
            """);

        Assert.Equal("10.0.0.0/16", c.Before["cidr_blocks"].AsList().Single().AsString());
        Assert.Equal("10.1.0.0/16", c.After["cidr_blocks"].AsList().Single().AsString());
        Assert.False(c.ValuesComplete);
    }

    [Fact]
    public void Maps_and_objects_with_warnings_null_suffixes_and_replacement()
    {
        // renderer_test.go "map_update_sensitive_to_not" style warnings, "map_delete_sensitive", "object_delete",
        // "map_update_replace" ("{ # forces replacement").
        var c = One("""
                  ~ tags = {
                      # Warning: this attribute value will no longer be marked as sensitive
                      # after applying this change. The value is unchanged.
                      ~ "element_one" = (sensitive value)
                      - "element_two" = (sensitive value) -> null
                    }
                  - object = {
                      - attribute_one = 0 -> null
                    } -> null
                  ~ labels = { # forces replacement
                      ~ "element_one" = "old" -> "new"
                    }
            """);

        Assert.True(c.After["tags"]["element_one"].IsSensitive);
        Assert.False(((PlanObject)c.After["tags"]).Properties.ContainsKey("element_two"));
        Assert.Equal(new PlanNumber("0"), c.Before["object"]["attribute_one"]);
        Assert.True(((PlanObject)c.After).Properties["object"].IsNull);
        Assert.Equal("new", c.After["labels"]["element_one"].AsString());
        Assert.Contains("labels", c.ReplacePaths);
    }

    [Fact]
    public void A_type_change_opens_the_new_value_after_the_arrow()
    {
        // renderer_test.go "output_map_to_list", "primitive_multiline_to_json", "primitive_json_to_multiline",
        // "primitive_json_to_string", "primitive_string_to_json", "primitive_json_explicit_nulls" (null -> jsonencode).
        var c = One("""
                  ~ shape = {
                      - "element_one" = 0
                      - "element_two" = 1
                    } -> [
                      + 0,
                      + 1,
                    ]
                  ~ doc = <<-EOT
                        hello
                        world
                    EOT -> jsonencode(
                        {
                          + key_one = "value_one"
                        }
                    )
                  ~ back = jsonencode(
                        {
                          - key_one = "value_one"
                        }
                    ) -> <<-EOT
                        hello
                        world
                    EOT
                  ~ flat = jsonencode(
                        {
                          - key_one = "value_one"
                        }
                    ) -> "hello world"
                  ~ up = "hello world" -> jsonencode(
                        {
                          + key_one = "value_one"
                        }
                    )
                  ~ from_null = null -> jsonencode(
                        [
                          + null,
                        ]
                    )
            """);

        Assert.Equal(new PlanNumber("0"), c.Before["shape"]["element_one"]);
        Assert.Equal(["0", "1"], c.After["shape"].AsList().Select(v => ((PlanNumber)v).Text));
        Assert.Equal("hello\nworld\n", c.Before["doc"].AsString());
        Assert.Equal("""{"key_one":"value_one"}""", c.After["doc"].AsString());
        Assert.Equal("""{"key_one":"value_one"}""", c.Before["back"].AsString());
        Assert.Equal("hello\nworld\n", c.After["back"].AsString());
        Assert.Equal("hello world", c.After["flat"].AsString());
        Assert.Equal("hello world", c.Before["up"].AsString());
        Assert.Equal("""{"key_one":"value_one"}""", c.After["up"].AsString());
        Assert.True(c.Before["from_null"].IsNull);
        Assert.Equal("[null]", c.After["from_null"].AsString());
    }

    [Fact]
    public void Heredoc_and_jsonencode_null_suffixes_and_whitespace_only_changes()
    {
        // renderer_test.go "primitive_multiline_string_delete" (EOT -> null), "primitive_json_string_delete"
        // () -> null); renderers/primitive.go "# whitespace changes force replacement".
        var c = One("""
                  - script = <<-EOT
                        hello
                        world
                    EOT -> null
                  - policy = jsonencode(
                        {
                          - key_one = "value_one"
                        }
                    ) -> null
                  ~ spaced = jsonencode( # whitespace changes force replacement
                        {
                            key = "value"
                        }
                    )
            """, "must be replaced", "-/+", "Plan: 1 to add, 1 to change, 1 to destroy.");

        Assert.Equal("hello\nworld\n", c.Before["script"].AsString());
        Assert.True(((PlanObject)c.After).Properties["script"].IsNull);
        Assert.True(((PlanObject)c.After).Properties["policy"].IsNull);
        Assert.Equal("""{"key":"value"}""", c.After["spaced"].AsString());
        Assert.Contains("spaced", c.ReplacePaths);
    }

    [Fact]
    public void Write_only_attributes_are_null_or_sensitive_never_their_caption()
    {
        // renderers/write_only.go (Terraform 1.11+, OpenTofu 1.10+).
        var c = One("""
                  + password_wo        = (write-only attribute)
                  + secret_wo          = (sensitive, write-only attribute)
                  ~ password_wo_version = 1 -> 2
            """);

        Assert.True(c.After["password_wo"].IsNull);
        Assert.True(c.After["secret_wo"].IsSensitive);
    }

    [Fact]
    public void Create_then_forget_deposed_forget_and_unknown_reason_headers()
    {
        // internal/command/jsonformat/plan.go resourceChangeComment; format.DiffActionSymbol (" +/." for
        // CreateThenForget); the summary counts a create-then-forget as one to add and may end in "Actions: N to invoke.".
        var plan = TerraformTextPlanReader.Read("""
            Terraform will perform the following actions:

             # aws_instance.keep must be replaced, but the existing object will not be destroyed
             # (destroy = false is set in the configuration)
            +/. resource "aws_instance" "keep" {
                  ~ ami = "ami-1" -> "ami-2" # forces replacement
                    id  = "i-1"
                }

             # aws_instance.old (deposed object 1a2b3c) will be removed from Terraform state, but will not be destroyed
             # (left over from a partially-failed replacement of this instance)
             # (destroy = false is set in the configuration)
             . resource "aws_instance" "old" {
                    id = "i-0"
                }

              # aws_instance.odd update (unknown reason something_new)
              ~ resource "aws_instance" "odd" {
                  ~ ami = "ami-1" -> "ami-2"
                }

            Plan: 1 to add, 1 to change, 0 to destroy. Actions: 1 to invoke.
            """, "p").Unwrap();

        var keep = plan.ResourceChanges[0];
        Assert.Equal([ChangeAction.Create, ChangeAction.Forget], keep.Actions.ToArray());
        Assert.Equal("ami-1", keep.Before["ami"].AsString());
        Assert.Equal("ami-2", keep.After["ami"].AsString());
        Assert.Contains("ami", keep.ReplacePaths);
        Assert.Equal([ChangeAction.Forget], plan.ResourceChanges[1].Actions.ToArray());
        Assert.Equal("1a2b3c", plan.ResourceChanges[1].Deposed);
        Assert.Equal([ChangeAction.Update], plan.ResourceChanges[2].Actions.ToArray());
    }
}
