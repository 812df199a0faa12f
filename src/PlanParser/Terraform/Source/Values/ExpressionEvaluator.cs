using System.Collections.Immutable;
using System.Globalization;
using Kalc.Iac.PlanParser.Hcl.Syntax;
using Kalc.Iac.PlanParser.Model;

namespace Kalc.Iac.PlanParser.Terraform.Source.Values;

/// <summary>One step of a reference after its root name: <c>.name</c> or <c>[key]</c>.</summary>
public readonly record struct TraversalStep(string? Name, PlanValue? Key);

/// <summary>Gives the value a reference names (<c>var.x</c>, <c>local.y</c>, <c>aws_iam_role.node.name</c>), consuming as
/// many of its steps as it needs; null when the root is not one it knows (the value is then unknown).</summary>
public delegate PlanValue? ReferenceResolver(string root, IReadOnlyList<TraversalStep> steps, out int consumed);

/// <summary>Evaluates HCL expressions only as far as locations and identities need: literals, templates (with
/// <c>%{if}</c>/<c>%{for}</c>), references through a <see cref="ReferenceResolver"/>, indexes and attributes, tuples and
/// objects, for-expressions, splats, conditionals, the operators, and the string functions of <see cref="HclFunctions"/>.
/// Anything else, and anything that depends on it, is <see cref="PlanValue.Unknown"/>; a sensitive input stays
/// <see cref="PlanValue.Sensitive"/> through every operation, so its content can never come out.</summary>
public sealed class ExpressionEvaluator(ReferenceResolver resolve)
{
    /// <summary>An evaluator that knows no references: the values of .tfvars files and defaults, which are constants.</summary>
    public static readonly ExpressionEvaluator Constant = new(static (string _, IReadOnlyList<TraversalStep> _, out int consumed) =>
    {
        consumed = 0;
        return null;
    });

    public PlanValue Evaluate(HclExpression e) => Eval(e, ImmutableDictionary<string, PlanValue>.Empty, null);

    private PlanValue Eval(HclExpression e, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        switch (e)
        {
            case HclLiteral l:
                return Literal(l.Value);
            case HclTemplate t:
                return Template(t.Parts, iterators, splatItem);
            case HclTemplateWrap w:
                return Eval(w.Wrapped, iterators, splatItem);
            case HclTemplateJoin j:
                return Eval(j.For, iterators, splatItem) is var list && Opaque(list) ? list : Template([.. list.AsList().Select(v => (HclExpression)new HclValueNode(v))], iterators, splatItem);
            case HclValueNode n:
                return n.Value;
            case HclParentheses p:
                return Eval(p.Inner, iterators, splatItem);
            case HclSplatItem:
                return splatItem ?? PlanValue.Unknown;
            case HclTuple tuple:
                return Collect(tuple.Items.Select(i => Eval(i, iterators, splatItem)));
            case HclObject o:
                return ObjectOf(o, iterators, splatItem);
            case HclConditional c:
                return Eval(c.Condition, iterators, splatItem) switch
                {
                    PlanBool { Value: true } => Eval(c.TrueResult, iterators, splatItem),
                    PlanBool { Value: false } => Eval(c.FalseResult, iterators, splatItem),
                    PlanSensitive => PlanValue.Sensitive,
                    _ => PlanValue.Unknown,
                };
            case HclUnary u:
                return Unary(u.Operator, Eval(u.Operand, iterators, splatItem));
            case HclBinary b:
                return Binary(b, iterators, splatItem);
            case HclFunctionCall f:
                if (f.ExpandFinal) return PlanValue.Unknown;
                if (f.Name is "try") return Try(f.Arguments, iterators, splatItem);
                return HclFunctions.Call(f.Name, [.. f.Arguments.Select(a => Eval(a, iterators, splatItem))]);
            case HclFor f:
                return For(f, iterators, splatItem);
            case HclSplat s:
                var source = Eval(s.Source, iterators, splatItem);
                if (Opaque(source)) return source;
                if (source is PlanNull) return new PlanList([]);
                var items = source is PlanList l2 ? l2.Items : [source];
                return Collect(items.Select(item => Eval(s.Each, iterators, item)));
            default:
                return Reference(e, iterators, splatItem);
        }
    }

    /// <summary>A variable, attribute or index: a chain rooted at a name.</summary>
    private PlanValue Reference(HclExpression e, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        var steps = new List<TraversalStep>();
        var node = e;
        while (true)
        {
            switch (node)
            {
                case HclGetAttr g:
                    steps.Add(new TraversalStep(g.Name, null));
                    node = g.Source;
                    continue;
                case HclIndex i:
                    var key = Eval(i.Key, iterators, splatItem);
                    if (key is PlanSensitive) return PlanValue.Sensitive;
                    steps.Add(new TraversalStep(null, key));
                    node = i.Source;
                    continue;
            }
            break;
        }
        steps.Reverse();
        PlanValue value;
        var consumed = 0;
        switch (node)
        {
            case HclVariable v when iterators.TryGetValue(v.Name, out var bound):
                value = bound;
                break;
            case HclVariable v:
                value = resolve(v.Name, steps, out consumed) ?? PlanValue.Unknown;
                break;
            default:
                value = Eval(node, iterators, splatItem);
                break;
        }
        for (var i = consumed; i < steps.Count; i++) value = Step(value, steps[i]);
        return value;
    }

    /// <summary>One attribute or index step into a value.</summary>
    public static PlanValue Step(PlanValue value, TraversalStep step)
    {
        if (Opaque(value)) return value;
        if (step.Key is { } key && Opaque(key)) return key;
        return (value, step) switch
        {
            (PlanObject o, { Name: { } n }) => o.Properties.TryGetValue(n, out var v) ? v : PlanValue.Unknown,
            (PlanObject o, { Key: { } k }) when k.AsString() is { } s => o.Properties.TryGetValue(s, out var v) ? v : PlanValue.Unknown,
            (PlanList l, { Key: PlanNumber n }) when int.TryParse(n.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < l.Items.Length => l.Items[i],
            (PlanList l, { Key: PlanString s }) when int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < l.Items.Length => l.Items[i],
            _ => PlanValue.Unknown,
        };
    }

    /// <summary>Unknown and sensitive values pass through every operation unchanged.</summary>
    public static bool Opaque(PlanValue v) => v is PlanUnknown or PlanSensitive;

    private static PlanValue Literal(HclValue v) => v.Kind switch
    {
        HclValueKind.String => new PlanString(v.Text),
        HclValueKind.Number => new PlanNumber(v.Text),
        HclValueKind.Bool => new PlanBool(v.IsTrue),
        _ => PlanValue.Null,
    };

    private PlanValue Template(ImmutableArray<HclExpression> parts, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        var text = new System.Text.StringBuilder();
        var outcome = (PlanValue?)null;
        foreach (var part in parts)
        {
            var v = Eval(part, iterators, splatItem);
            if (v is PlanSensitive) return PlanValue.Sensitive;
            if (v is PlanUnknown or PlanNull or PlanList or PlanObject) outcome = PlanValue.Unknown;
            else text.Append(v.AsString());
        }
        return outcome ?? new PlanString(text.ToString());
    }

    private PlanValue ObjectOf(HclObject o, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        var props = new List<KeyValuePair<string, PlanValue>>(o.Items.Length);
        foreach (var item in o.Items)
        {
            var key = item.KeyName ?? Eval(item.Key, iterators, splatItem).AsString();
            if (key is null) return PlanValue.Unknown;
            props.Add(new(key, Eval(item.Value, iterators, splatItem)));
        }
        return new PlanObject(PlanPropertyDictionary.From(props));
    }

    /// <summary>try(): the first argument, when it is known (an unknown one might have failed, so the answer is unknown).</summary>
    private PlanValue Try(ImmutableArray<HclExpression> arguments, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem) =>
        arguments.IsEmpty ? PlanValue.Unknown : Eval(arguments[0], iterators, splatItem);

    private PlanValue For(HclFor f, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        var collection = Eval(f.Collection, iterators, splatItem);
        if (Opaque(collection)) return collection;
        IEnumerable<(PlanValue Key, PlanValue Value)> pairs = collection switch
        {
            PlanList l => l.Items.Select((v, i) => ((PlanValue)new PlanNumber(i.ToString(CultureInfo.InvariantCulture)), v)),
            PlanObject o => o.Properties.Select(kv => ((PlanValue)new PlanString(kv.Key), kv.Value)),
            _ => [],
        };
        if (collection is not (PlanList or PlanObject)) return PlanValue.Unknown;
        var listItems = new List<PlanValue>();
        var objectItems = new List<KeyValuePair<string, PlanValue>>();
        foreach (var (key, value) in pairs)
        {
            var scope = iterators.SetItem(f.ValueVariable, value);
            if (f.KeyVariable is { } k) scope = scope.SetItem(k, key);
            if (f.Condition is { } c)
            {
                var keep = Eval(c, scope, splatItem);
                if (keep is not PlanBool b) return Opaque(keep) ? keep : PlanValue.Unknown;
                if (!b.Value) continue;
            }
            var result = Eval(f.ValueResult, scope, splatItem);
            if (!f.IsObject)
            {
                listItems.Add(result);
                continue;
            }
            var name = Eval(f.KeyResult!, scope, splatItem);
            if (Opaque(name)) return name;
            if (name.AsString() is not { } n || f.Grouping) return PlanValue.Unknown;
            objectItems.Add(new(n, result));
        }
        return f.IsObject ? new PlanObject(PlanPropertyDictionary.From(objectItems)) : Collect(listItems);
    }

    private static PlanValue Collect(IEnumerable<PlanValue> items) => new PlanList([.. items]);

    private static PlanValue Unary(HclOperator op, PlanValue v) => (op, v) switch
    {
        (_, PlanUnknown or PlanSensitive) => v,
        (HclOperator.Not, PlanBool b) => new PlanBool(!b.Value),
        (HclOperator.Negate, PlanNumber n) when decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => Number(-d),
        _ => PlanValue.Unknown,
    };

    private PlanValue Binary(HclBinary b, ImmutableDictionary<string, PlanValue> iterators, PlanValue? splatItem)
    {
        var left = Eval(b.Left, iterators, splatItem);
        var right = Eval(b.Right, iterators, splatItem);
        if (left is PlanSensitive || right is PlanSensitive) return PlanValue.Sensitive;
        if (left is PlanUnknown || right is PlanUnknown) return PlanValue.Unknown;
        switch (b.Operator)
        {
            case HclOperator.Equal:
                return new PlanBool(Same(left, right));
            case HclOperator.NotEqual:
                return new PlanBool(!Same(left, right));
            case HclOperator.And or HclOperator.Or:
                if (left is not PlanBool l || right is not PlanBool r) return PlanValue.Unknown;
                return new PlanBool(b.Operator == HclOperator.And ? l.Value && r.Value : l.Value || r.Value);
        }
        if (!Decimal(left, out var x) || !Decimal(right, out var y)) return PlanValue.Unknown;
        try
        {
            return Arithmetic(b.Operator, x, y);
        }
        catch (OverflowException)
        {
            return PlanValue.Unknown; // beyond decimal's range: HCL's numbers are arbitrary-precision, ours are not
        }
    }

    private static PlanValue Arithmetic(HclOperator op, decimal x, decimal y) =>
        op switch
        {
            HclOperator.Add => Number(x + y),
            HclOperator.Subtract => Number(x - y),
            HclOperator.Multiply => Number(x * y),
            HclOperator.Divide when y != 0 => Number(x / y),
            HclOperator.Modulo when y != 0 => Number(x % y),
            HclOperator.Less => new PlanBool(x < y),
            HclOperator.LessOrEqual => new PlanBool(x <= y),
            HclOperator.Greater => new PlanBool(x > y),
            HclOperator.GreaterOrEqual => new PlanBool(x >= y),
            _ => PlanValue.Unknown,
        };

    /// <summary>HCL equality: numbers by value, everything else structurally.</summary>
    private static bool Same(PlanValue a, PlanValue b)
    {
        if (Decimal(a, out var x) && a is PlanNumber && b is PlanNumber && Decimal(b, out var y)) return x == y;
        return (a, b) switch
        {
            (PlanList l, PlanList r) => l.Items.Length == r.Items.Length && l.Items.Zip(r.Items).All(p => Same(p.First, p.Second)),
            _ => Equals(a, b),
        };
    }

    internal static bool Decimal(PlanValue v, out decimal d)
    {
        d = 0;
        return v is PlanNumber or PlanString && decimal.TryParse(v.AsString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d);
    }

    internal static PlanValue Number(decimal d)
    {
        var s = d.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.', StringComparison.Ordinal)) s = s.TrimEnd('0').TrimEnd('.');
        return new PlanNumber(s);
    }
}

/// <summary>An already evaluated value standing in an expression's place (the items a <c>%{for}</c> joins).</summary>
internal sealed record HclValueNode(PlanValue Value) : HclExpression(default(Hcl.HclRange));
