using Kalc.Iac.PlanParser.Model;
using Kalc.Iac.PlanParser.Terraform.Json;
using Kalc.Iac.PlanParser.Terraform.Text;

namespace Kalc.Iac.PlanParser.Tests.Text;

/// <summary>The same plan as text and as <c>show -json</c> (OpenTofu's equivalence-test outputs): the text reader
/// and the JSON reader agree on the addresses, kinds, replace orders, previous addresses and action reasons.</summary>
public class PairedEquivalenceTests
{
    private const string Folder = "terraform-plans/paired/opentofu-equivalence";

    public static TheoryData<string> Cases() =>
        [.. Directory.EnumerateDirectories(Fixtures.Path(Folder)).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Fact]
    public void All_49_pairs_are_present()
    {
        Assert.Equal(49, Cases().Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Text_and_json_of_one_plan_agree_on_what_changes(string name)
    {
        var dir = Path.Combine(Fixtures.Path(Folder), name);
        var text = TerraformTextPlanReader.Read(File.ReadAllBytes(Path.Combine(dir, "plan.txt")), name).Unwrap();
        var json = TerraformJsonPlanReader.Read(File.ReadAllBytes(Path.Combine(dir, "plan.json")), name).Unwrap();

        // Text lists no unchanged (no-op) resources, except the moved and imported ones it announces.
        var expected = Rows(json.ResourceChanges)
            .Where(r => r.Kind != ChangeKind.NoOp || r.Previous is not null || r.Importing).ToList();
        var actual = text.ResourceChanges.Select(c => new Row(c.Address, c.Kind, c.PreviousAddress, c.Importing, c.ReplaceOrder, c.ActionReason)).ToList();

        Assert.Equal(expected.Select(r => r.Key), actual.Select(r => r.Key));
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.Order, got.Order);
            if (got.Reason is not null) Assert.Equal(want.Reason, got.Reason);
        }
        // Text shows only the drift relevant to the plan; JSON lists all of it.
        Assert.Subset(Rows(json.Drift).Select(r => r.Key).ToHashSet(),
            text.Drift.Select(c => new Row(c.Address, c.Kind, c.PreviousAddress, c.Importing, c.ReplaceOrder, c.ActionReason).Key).ToHashSet());
    }

    private static List<Row> Rows(IEnumerable<ResourceChange> changes) =>
        [.. changes.Select(c => new Row(c.Address, c.Kind, c.PreviousAddress, c.Importing, c.ReplaceOrder, c.ActionReason))];

    private sealed record Row(string Address, ChangeKind Kind, string? Previous, bool Importing, ReplaceOrder Order, string? Reason)
    {
        public string Key => $"{Address} {Kind.ToWire()} from={Previous} import={Importing}";
    }
}
