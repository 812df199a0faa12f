using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Kalc.Iac.AwsModel.Live.Eks;
using Kalc.Iac.AwsModel.Live.Signed;
using Kalc.Iac.Core.Live;

namespace Kalc.Iac.AwsModel.Live;

/// <summary>Reads an AWS account live into the documents an aws-cli dump holds, so that a live run and
/// <c>snapshot</c> + offline analysis see the same bytes. Independent calls run in parallel, bounded;
/// every page is followed; a call that fails leaves its whole document out and is named in the result.</summary>
public sealed class LiveAwsReader : IDisposable
{
    private readonly AwsReadClients _clients;
    private readonly SemaphoreSlim _gate;
    private readonly IProgress<ReadProgress> _progress;
    private readonly ConcurrentBag<StateDocument> _documents = [];
    private readonly ConcurrentBag<ReadFailure> _failures = [];

    private LiveAwsReader(AwsReadClients clients, int maxConcurrency, IProgress<ReadProgress>? progress)
    {
        _clients = clients;
        _gate = new SemaphoreSlim(Math.Max(1, maxConcurrency));
        _progress = progress ?? new Progress<ReadProgress>();
    }

    /// <summary>Resolves region, credentials and endpoints like the AWS SDK, then reads.</summary>
    public static async Task<LiveReadResult> ReadAsync(LiveAwsOptions options, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        AwsReadClients clients;
        try
        {
            clients = AwsReadClients.Create(options with { EndpointOverrides = options.Endpoints });
        }
        catch (AwsCallException e)
        {
            return new LiveReadResult { Failures = [new ReadFailure("aws configuration", e.Code, e.Message, "all AWS state")] };
        }
        using (clients)
        {
            return await ReadAsync(clients, options, progress, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Reads through the given clients (fakes in tests, or SDK-backed ones).</summary>
    public static async Task<LiveReadResult> ReadAsync(AwsReadClients clients, LiveAwsOptions options, IProgress<ReadProgress>? progress, CancellationToken ct)
    {
        using var reader = new LiveAwsReader(clients, options.MaxConcurrency, progress);
        return await reader.RunAsync(options.ClusterName, ct).ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<LiveReadResult> RunAsync(string? clusterName, CancellationToken ct)
    {
        var identity = ReadIdentityAsync(ct);
        var ec2 = _clients.Ec2;
        await Task.WhenAll(
            identity,
            ReadPagedAsync("iam get-account-authorization-details", "iam_get-account-authorization-details.json",
                ["RoleDetailList", "Policies"], _clients.Iam.GetAccountAuthorizationDetailsAsync, "IAM roles, instance profiles and policies", ct,
                body => { body["UserDetailList"] ??= new JsonArray(); body["GroupDetailList"] ??= new JsonArray(); }),
            ReadOidcProvidersAsync(ct),
            ReadPagedAsync("ec2 describe-instances", "ec2_describe-instances.json", ["Reservations"], ec2.DescribeInstancesAsync, "EC2 instances", ct),
            ReadPagedAsync("ec2 describe-subnets", "ec2_describe-subnets.json", ["Subnets"], ec2.DescribeSubnetsAsync, "subnets", ct),
            ReadPagedAsync("ec2 describe-security-groups", "ec2_describe-security-groups.json", ["SecurityGroups"], ec2.DescribeSecurityGroupsAsync, "security groups", ct),
            ReadPagedAsync("ec2 describe-vpcs", "ec2_describe-vpcs.json", ["Vpcs"], ec2.DescribeVpcsAsync, "VPCs", ct),
            ReadPagedAsync("ec2 describe-launch-template-versions", "ec2_describe-launch-template-versions.json", ["LaunchTemplateVersions"],
                ec2.DescribeLaunchTemplateVersionsAsync, "launch template versions", ct),
            ReadPagedAsync("ec2 describe-route-tables", "ec2_describe-route-tables.json", ["RouteTables"], ec2.DescribeRouteTablesAsync, "route tables", ct),
            ReadPagedAsync("ec2 describe-network-interfaces", "ec2_describe-network-interfaces.json", ["NetworkInterfaces"], ec2.DescribeNetworkInterfacesAsync, "network interfaces", ct),
            ReadPagedAsync("ec2 describe-security-group-rules", "ec2_describe-security-group-rules.json", ["SecurityGroupRules"], ec2.DescribeSecurityGroupRulesAsync, "security group rules", ct),
            ReadPagedAsync("autoscaling describe-auto-scaling-groups", "autoscaling_describe-auto-scaling-groups.json", ["AutoScalingGroups"],
                _clients.AutoScaling.DescribeAutoScalingGroupsAsync, "Auto Scaling groups", ct),
            ReadEksAsync(clusterName, ct)).ConfigureAwait(false);

        return new LiveReadResult
        {
            Documents = [.. _documents.OrderBy(d => d.FileName, StringComparer.Ordinal)],
            Failures = [.. _failures.OrderBy(f => f.Call, StringComparer.Ordinal)],
            Account = Text((await identity.ConfigureAwait(false))?["Account"]),
            Region = _clients.Region,
        };
    }

    private async Task<JsonObject?> ReadIdentityAsync(CancellationToken ct)
    {
        var body = await ReadOneAsync("sts get-caller-identity", "the account id", _clients.Sts.GetCallerIdentityAsync, ct).ConfigureAwait(false);
        if (body is not null) _documents.Add(StateJson.Document("sts_get-caller-identity.json", body));
        return body;
    }

    private async Task ReadOidcProvidersAsync(CancellationToken ct)
    {
        var list = await ReadPagedAsync("iam list-open-id-connect-providers", "iam_list-open-id-connect-providers.json",
            ["OpenIDConnectProviderList"], (_, c) => _clients.Iam.ListOpenIDConnectProvidersAsync(c), "IAM OIDC providers", ct).ConfigureAwait(false);
        if (list?["OpenIDConnectProviderList"] is not JsonArray providers) return;
        await Task.WhenAll(providers.Select(p => Text(p?["Arn"])).OfType<string>().Select(async arn =>
        {
            var body = await ReadOneAsync("iam get-open-id-connect-provider " + arn, $"the OIDC provider {arn}",
                c => _clients.Iam.GetOpenIDConnectProviderAsync(arn, c), ct).ConfigureAwait(false);
            if (body is not null) _documents.Add(StateJson.Document($"iam_get-open-id-connect-provider_{arn[(arn.IndexOf('/') + 1)..]}.json", body));
        })).ConfigureAwait(false);
    }

    private async Task ReadEksAsync(string? clusterName, CancellationToken ct)
    {
        IEnumerable<string> clusters;
        if (clusterName is not null)
        {
            clusters = [clusterName];
        }
        else
        {
            var list = await ReadPagedAsync("eks list-clusters", "eks_list-clusters.json", ["clusters"], _clients.Eks.ListClustersAsync,
                "EKS clusters and their pod identity associations", ct).ConfigureAwait(false);
            if (list?["clusters"] is not JsonArray names) return;
            clusters = names.Select(Text).OfType<string>().ToList();
        }
        await Task.WhenAll(clusters.Select(c => ReadClusterAsync(c, ct))).ConfigureAwait(false);
    }

    private async Task ReadClusterAsync(string cluster, CancellationToken ct)
    {
        var describe = ReadOneAsync("eks describe-cluster " + cluster, $"the EKS cluster {cluster}",
            c => _clients.Eks.DescribeClusterAsync(cluster, c), ct);
        var list = await ReadPagedAsync("eks list-pod-identity-associations " + cluster, $"eks_list-pod-identity-associations_{cluster}.json",
            ["associations"], (token, c) => _clients.Eks.ListPodIdentityAssociationsAsync(cluster, token, c),
            $"pod identity associations of {cluster}", ct).ConfigureAwait(false);
        var children = Task.WhenAll(EksChild.All.Select(child => ReadChildrenAsync(child, cluster, ct)).Append(ReadAccessEntriesAsync(cluster, ct)));
        if (await describe.ConfigureAwait(false) is { } body) _documents.Add(StateJson.Document($"eks_describe-cluster_{cluster}.json", body));
        await children.ConfigureAwait(false);
        if (list?["associations"] is not JsonArray associations) return;
        await Task.WhenAll(associations.Select(a => Text(a?["associationId"])).OfType<string>().Select(async id =>
        {
            var one = await ReadOneAsync("eks describe-pod-identity-association " + id, $"the IAM role of pod identity association {id}",
                c => _clients.Eks.DescribePodIdentityAssociationAsync(cluster, id, c), ct).ConfigureAwait(false);
            if (one is not null) _documents.Add(StateJson.Document($"eks_describe-pod-identity-association_{cluster}_{id}.json", one));
        })).ConfigureAwait(false);
    }

    /// <summary>The access entries of one cluster: the list (kept, so an empty one says "none"), then each entry described
    /// and its associated access policies listed. A cluster in CONFIG_MAP mode has the API too (an empty list).</summary>
    private async Task ReadAccessEntriesAsync(string cluster, CancellationToken ct)
    {
        var list = await ReadPagedAsync("eks list-access-entries " + cluster, $"eks_list-access-entries_{cluster}.json", ["accessEntries"],
            (token, c) => _clients.Eks.ListAccessEntriesAsync(cluster, token, c), $"access entries of {cluster}", ct).ConfigureAwait(false);
        if (list?["accessEntries"] is not JsonArray principals) return;
        await Task.WhenAll(principals.Select(Text).OfType<string>().Select(async arn =>
        {
            var file = FileSafe(arn[(arn.LastIndexOf(':') + 1)..]);
            var one = await ReadOneAsync($"eks describe-access-entry {cluster} {arn}", $"the access entry of {arn} in {cluster}",
                c => _clients.Eks.DescribeAccessEntryAsync(cluster, arn, c), ct).ConfigureAwait(false);
            if (one is not null) _documents.Add(StateJson.Document($"eks_describe-access-entry_{cluster}_{file}.json", one));
            await ReadPagedAsync($"eks list-associated-access-policies {cluster} {arn}", $"eks_list-associated-access-policies_{cluster}_{file}.json",
                ["associatedAccessPolicies"], (token, c) => _clients.Eks.ListAssociatedAccessPoliciesAsync(cluster, arn, token, c),
                $"the access policies of {arn} in {cluster}", ct).ConfigureAwait(false);
        })).ConfigureAwait(false);
    }

    /// <summary>A principal ARN as part of a file name: letters, digits, '.', '-' and '_' kept, anything else '_'.</summary>
    private static string FileSafe(string s) => string.Concat(s.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_'));

    /// <summary>Node groups, Fargate profiles or add-ons of one cluster: the list (kept, so an empty one says "none"), then each described.</summary>
    private async Task ReadChildrenAsync(EksChild child, string cluster, CancellationToken ct)
    {
        var list = await ReadPagedAsync($"{child.ListCommand} {cluster}", $"{child.ListFile}_{cluster}.json", [child.ListKey],
            (token, c) => _clients.Eks.ListClusterChildrenAsync(child, cluster, token, c), $"{child.What} of {cluster}", ct).ConfigureAwait(false);
        if (list?[child.ListKey] is not JsonArray names) return;
        await Task.WhenAll(names.Select(Text).OfType<string>().Select(async name =>
        {
            var one = await ReadOneAsync($"{child.DescribeCommand} {cluster} {name}", $"{child.What} {name} of {cluster}",
                c => _clients.Eks.DescribeClusterChildAsync(child, cluster, name, c), ct).ConfigureAwait(false);
            if (one is not null) _documents.Add(StateJson.Document($"{child.DescribeFile}_{cluster}_{name}.json", one));
        })).ConfigureAwait(false);
    }

    /// <summary>Follows a page chain and merges the lists; on any failure the document is dropped whole.</summary>
    private async Task<JsonObject?> ReadPagedAsync(string call, string fileName, string[] listKeys, Func<string?, CancellationToken, Task<AwsPage>> fetch,
        string unknown, CancellationToken ct, Action<JsonObject>? complete = null)
    {
        _progress.Report(new ReadProgress { Call = call, Stage = ReadProgressStage.Started });
        JsonObject? merged = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int pages = 0, items = 0;
        string? token = null;
        try
        {
            do
            {
                var page = await GatedAsync(c => fetch(token, c), ct).ConfigureAwait(false);
                pages++;
                foreach (var key in listKeys)
                {
                    var list = page.Body[key] as JsonArray ?? [];
                    items += list.Count;
                    if (merged is null) continue;
                    var target = merged[key] as JsonArray ?? (JsonArray)(merged[key] = new JsonArray());
                    foreach (var item in list.ToList())
                    {
                        list.Remove(item);
                        target.Add(item);
                    }
                }
                merged ??= page.Body;
                _progress.Report(new ReadProgress { Call = call, Pages = pages, Items = items, Stage = ReadProgressStage.Page });
                token = page.NextToken;
                if (token is not null && !seen.Add(token))
                    throw new AwsCallException("PageLoop", $"page {pages + 1} was asked for with a token already used; the chain loops");
            }
            while (token is not null);
        }
        catch (AwsCallException e)
        {
            Fail(call, e, unknown, pages, items);
            return null;
        }
        complete?.Invoke(merged!);
        _documents.Add(StateJson.Document(fileName, merged!));
        _progress.Report(new ReadProgress { Call = call, Pages = pages, Items = items, Stage = ReadProgressStage.Done });
        return merged;
    }

    private async Task<JsonObject?> ReadOneAsync(string call, string unknown, Func<CancellationToken, Task<JsonObject>> fetch, CancellationToken ct)
    {
        _progress.Report(new ReadProgress { Call = call, Stage = ReadProgressStage.Started });
        try
        {
            var body = await GatedAsync(fetch, ct).ConfigureAwait(false);
            _progress.Report(new ReadProgress { Call = call, Pages = 1, Items = 1, Stage = ReadProgressStage.Done });
            return body;
        }
        catch (AwsCallException e)
        {
            Fail(call, e, unknown, 0, 0);
            return null;
        }
    }

    private void Fail(string call, AwsCallException e, string unknown, int pages, int items)
    {
        var where = pages > 0 ? $" (after {pages} page(s), {items} item(s) read and discarded)" : "";
        _failures.Add(new ReadFailure(call, e.Code, e.Message + where, unknown));
        _progress.Report(new ReadProgress { Call = call, Pages = pages, Items = items, Stage = ReadProgressStage.Failed });
    }

    /// <summary>A string member, or null when absent or not a string (a malformed reply must not crash the read).</summary>
    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private async Task<T> GatedAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await call(ct).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
