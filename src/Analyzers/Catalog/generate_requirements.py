#!/usr/bin/env python3
"""Derives src/Analyzers/Catalog/requirements.json from the upstream IAM policy files in
fixtures/aws/iam-policies (see the SOURCES.md there). Nothing is typed in by hand except which file
describes which component and which of its actions are essential (their loss is an outage).

Each Allow statement of a source file becomes one requirement per (action, resource): the component
makes that call on that resource. The request context is what the statement's conditions say the
call carries (StringEquals/StringLike/Bool/Arn* literal values, Null true/false); a condition
that names a template placeholder is left out, so that requirement evaluates as Unknown rather
than guessed. Template placeholders in resources (${AWS::Partition} -> aws, any other ${...} -> *)
are generalised.

Run from the repo root:  python3 src/Analyzers/Catalog/generate_requirements.py [--check]
--check exits 1 when requirements.json differs from what this script derives."""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
POLICIES = "fixtures/aws/iam-policies"
OUT = "src/Analyzers/Catalog/requirements.json"
CATALOG_VERSION = "2026-11-25"

# Upstream repositories and the commits the policy files were taken at (fixtures/aws/iam-policies/SOURCES.md).
REPOS = {
    "kubernetes/cloud-provider-aws": ("63ec440c3275321b55afa45480e2fdfd2b0e93c4", "master"),
    "aws/amazon-vpc-cni-k8s": ("b52188387f2e2f10bf289ace929d6a63b176a4fa", "master"),
    "kubernetes-sigs/aws-ebs-csi-driver": ("429e202e589798e55c0f8ddcc81b2850b7f000d0", "master"),
    "kubernetes-sigs/aws-efs-csi-driver": ("a4fc67600be60d0f8350dc9459e55ff04e9aa944", "master"),
    "kubernetes-sigs/aws-load-balancer-controller": ("225f44568848eb25f13e304a5f1cc68c0cd9415d", "main"),
    "kubernetes/autoscaler": ("55c37cd5eb550756c5ccc5a89e9068d77797e575", "master"),
    "aws/karpenter-provider-aws": ("1d927085dd81a9df9301e613f371dac5b4d16bfe", "main"),
    "kubernetes-sigs/external-dns": ("2bf1bf8af2b70f23579f9147c1f7e9394f7f83d5", "master"),
    "zoph-io/MAMIP": ("0387244e53a3dbe038810ef3463489c2c6836f06", "master"),
}


def src(file, repo, path, anchor=""):
    commit, _ = REPOS[repo]
    return {"file": file, "repo": repo, "path": path, "commit": commit,
            "url": f"https://github.com/{repo}/blob/{commit}/{path}{anchor}"}


CP_DOC = "docs/prerequisites.md"
CARPENTER_CFN = "website/content/en/docs/getting-started/getting-started-with-karpenter/cloudformation.yaml"
CONTROL_PLANE = [src("cloud-provider-aws_control-plane-policy.json", "kubernetes/cloud-provider-aws", CP_DOC, "#iam-policy")]
CLOUD_PROVIDER_ESSENTIAL = ["ec2:DescribeInstances", "ec2:DescribeRegions", "ec2:DescribeAvailabilityZones", "ec2:DescribeSubnets",
                            "ec2:DescribeSecurityGroups", "ec2:DescribeRouteTables", "elasticloadbalancing:DescribeLoadBalancers"]

# component -> (identity, source files, essential actions or a source file whose actions are the essential ones, note)
COMPONENTS = [
    ("kubelet", "node",
     [src("cloud-provider-aws_node-policy.json", "kubernetes/cloud-provider-aws", CP_DOC, "#iam-policy")],
     ["ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ec2:DescribeInstances"],
     "Runs on every node with the node's instance profile role. ECR pulls (the credential provider) fail without the ecr actions; "
     "the AWS cloud provider looks the instance up with ec2:DescribeInstances."),
    ("cloud-controller-manager", "workload", CONTROL_PLANE, CLOUD_PROVIDER_ESSENTIAL,
     "The external AWS cloud provider; usually runs on control-plane nodes with their instance profile role."),
    ("kube-controller-manager", "workload", CONTROL_PLANE, CLOUD_PROVIDER_ESSENTIAL,
     "Only with the in-tree AWS cloud provider (--cloud-provider=aws, Kubernetes <= 1.26); same policy as cloud-controller-manager."),
    ("aws-node", "workload",
     [src("amazon-vpc-cni-k8s_ipv4-policy.json", "aws/amazon-vpc-cni-k8s", "docs/iam-policy.md", "#ipv4-mode")],
     ["ec2:AssignPrivateIpAddresses", "ec2:AttachNetworkInterface", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
      "ec2:DescribeInstances", "ec2:DescribeInstanceTypes", "ec2:DescribeNetworkInterfaces", "ec2:CreateTags"],
     "The VPC CNI; the same actions as arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy. Runs as the node role unless its service account has an IRSA role or a Pod Identity association."),
    ("ebs-csi-controller", "workload",
     [src("aws-ebs-csi-driver_example-iam-policy.json", "kubernetes-sigs/aws-ebs-csi-driver", "docs/example-iam-policy.json")],
     ["ec2:CreateVolume", "ec2:DeleteVolume", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DescribeVolumes", "ec2:DescribeInstances", "ec2:CreateTags"],
     "The EBS CSI controller; the same actions as arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy."),
    ("ebs-csi-node", "workload", [], [],
     "The EBS CSI node plugin makes no AWS API call that needs IAM: it reads instance metadata (IMDS) or the Node object. Nothing to evaluate."),
    ("efs-csi-controller", "workload",
     [src("aws-efs-csi-driver_iam-policy-example.json", "kubernetes-sigs/aws-efs-csi-driver", "docs/iam-policy-example.json")],
     ["elasticfilesystem:DescribeAccessPoints", "elasticfilesystem:DescribeFileSystems", "elasticfilesystem:DescribeMountTargets",
      "elasticfilesystem:CreateAccessPoint", "elasticfilesystem:DeleteAccessPoint"],
     "The EFS CSI controller (dynamic provisioning with access points)."),
    ("aws-load-balancer-controller", "workload",
     [src("aws-load-balancer-controller_iam_policy.json", "kubernetes-sigs/aws-load-balancer-controller", "docs/install/iam_policy.json")],
     ["elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetHealth",
      "elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"],
     "Registers pod IPs or instances in target groups; losing RegisterTargets/DeregisterTargets makes traffic drift from pods."),
    ("cluster-autoscaler", "workload",
     [src("cluster-autoscaler_aws-full-features-policy.json", "kubernetes/autoscaler", "cluster-autoscaler/cloudprovider/aws/README.md", "#full-cluster-autoscaler-features-policy-recommended")],
     src("cluster-autoscaler_aws-minimal-policy.template.json", "kubernetes/autoscaler", "cluster-autoscaler/cloudprovider/aws/README.md", "#minimal-iam-permissions-policy"),
     "Full list from the recommended policy; the essential actions are those of the README's minimal policy."),
    ("karpenter", "workload",
     [src(f"karpenter/{n}.policy.template.json", "aws/karpenter-provider-aws", CARPENTER_CFN) for n in
      ["NodeLifecyclePolicy", "IAMIntegrationPolicy", "EKSIntegrationPolicy", "InterruptionPolicy", "ResourceDiscoveryPolicy"]],
     ["ec2:CreateFleet", "ec2:RunInstances", "ec2:CreateLaunchTemplate", "ec2:TerminateInstances", "ec2:DescribeInstances",
      "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeLaunchTemplates", "iam:PassRole", "ssm:GetParameter", "eks:DescribeCluster"],
     "The controller's managed policies from the getting-started CloudFormation template (templates: account, region and cluster name are generalised)."),
    ("external-dns", "workload",
     [src("external-dns_aws-route53-policy.json", "kubernetes-sigs/external-dns", "docs/tutorials/aws.md", "#iam-policy")],
     ["route53:ChangeResourceRecordSets", "route53:ListHostedZones", "route53:ListResourceRecordSets"],
     "Keeps Route 53 records in step with Services and Ingresses."),
    ("eks-pod-identity-agent", "workload",
     [src("aws-managed/AmazonEKSWorkerNodeMinimalPolicy.json", "zoph-io/MAMIP", "policies/AmazonEKSWorkerNodeMinimalPolicy")],
     ["eks-auth:AssumeRoleForPodIdentity"],
     "The EKS Pod Identity agent (DaemonSet, host network) calls eks-auth:AssumeRoleForPodIdentity with the node role's credentials on "
     "behalf of every pod whose service account has a Pod Identity association; the node role needs the action "
     "(https://docs.aws.amazon.com/eks/latest/userguide/pod-id-agent-setup.html), which AmazonEKSWorkerNodePolicy and "
     "AmazonEKSWorkerNodeMinimalPolicy grant."),
]

LIKE_OPS = {"StringLike", "ArnLike"}
LITERAL_OPS = {"StringEquals", "StringEqualsIgnoreCase", "ArnEquals", "Bool"} | LIKE_OPS
PLACEHOLDER = re.compile(r"\$\{[^}]*\}")


def load(file):
    with open(os.path.join(ROOT, POLICIES, file), encoding="utf-8") as f:
        doc = json.load(f)
    return doc["PolicyVersion"]["Document"] if "PolicyVersion" in doc else doc


def listify(v):
    return [v] if isinstance(v, (str, dict)) else list(v or [])


def generalise(resource):
    if not isinstance(resource, str):
        return "*"  # a CloudFormation intrinsic object
    resource = resource.replace("${AWS::Partition}", "aws")
    return PLACEHOLDER.sub("*", resource)


def context_of(condition):
    """What the request carries so that the statement's conditions hold; None marks a key known absent."""
    ctx = {}
    for op, keys in (condition or {}).items():
        base = op.split(":")[-1].removesuffix("IfExists")
        for key, values in keys.items():
            if PLACEHOLDER.search(key):
                continue
            values = listify(values)
            if base == "Null":
                ctx[key] = None if str(values[0]).lower() == "true" else ["example"]
            elif base in LITERAL_OPS and values and not any(PLACEHOLDER.search(str(v)) for v in values):
                if base in LIKE_OPS:
                    values = [str(v).replace("*", "example").replace("?", "x") for v in values]
                ctx[key] = [str(v) for v in values[:1]] if not op.startswith("ForAllValues") else [str(v) for v in values]
    return ctx


def requirements_of(sources):
    seen, out = set(), []
    for s in sources:
        for st in listify(load(s["file"]).get("Statement")):
            if st.get("Effect") != "Allow" or "Action" not in st:
                continue
            ctx = context_of(st.get("Condition"))
            for action in listify(st["Action"]):
                for resource in sorted({generalise(r) for r in listify(st.get("Resource", "*"))}):
                    key = (action, resource, json.dumps(ctx, sort_keys=True))
                    if key in seen:
                        continue
                    seen.add(key)
                    r = {"action": action, "resource": resource}
                    if ctx:
                        r["context"] = dict(sorted(ctx.items()))
                    if st.get("Condition") and len(ctx) < sum(len(v) for v in st["Condition"].values()):
                        r["conditionsNotModelled"] = True
                    r["from"] = s["file"]
                    out.append(r)
    return out


def actions_of(source):
    return sorted({a for st in listify(load(source["file"]).get("Statement")) if st.get("Effect") == "Allow" for a in listify(st.get("Action"))})


def build():
    components = []
    for name, identity, sources, essential, note in COMPONENTS:
        reqs = requirements_of(sources)
        essential_sources = []
        if isinstance(essential, dict):
            essential_sources = [essential]
            essential = actions_of(essential)
        missing = sorted(set(essential) - {r["action"] for r in reqs})
        if missing:
            raise SystemExit(f"{name}: essential actions not in its sources: {missing}")
        components.append({"name": name, "identity": identity, "note": note, "sources": sources,
                           "essentialFrom": essential_sources, "essential": sorted(essential), "requirements": reqs})
    return {"schemaVersion": 1, "catalogVersion": CATALOG_VERSION,
            "about": "Which AWS actions each Kubernetes component calls, derived by generate_requirements.py from the upstream policy files "
                     "in fixtures/aws/iam-policies. Do not edit by hand: change the generator and run it.",
            "components": components}


def main():
    text = json.dumps(build(), indent=1) + "\n"
    path = os.path.join(ROOT, OUT)
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{OUT} is out of date: run python3 {os.path.relpath(__file__, ROOT)}")
                sys.exit(1)
        print(f"{OUT} is up to date")
        return
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
