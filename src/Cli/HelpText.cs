namespace Kalc.Iac.Cli;

internal static class HelpText
{
    public const string Main = """
        kalc-iac - predict which parts of a Kubernetes cluster an infrastructure change breaks, and when.

        usage:
          kalc-iac [PLAN|-] [--aws-state DIR|live] [--k8s-state PATH|live] [options]
          kalc-iac --kubespray INVENTORY [--k8s-state PATH] [--kubespray-dir CHECKOUT] [options]
          kalc-iac snapshot --out DIR [--aws] [--k8s]
          kalc-iac rules
          kalc-iac explain RULE_ID
          kalc-iac pulumi-analyzer ENGINE_ADDRESS [DIR]   (Pulumi policy pack; docs/pulumi-policy.md)

        PLAN is `terraform show -json` output, `terraform plan` text, `pulumi preview --json` output
        or a binary .tfplan; read from stdin when omitted or '-'.

        options:
          --aws-state DIR|live     aws-cli JSON outputs (see docs/formats-state.md), or read AWS live
          --k8s-state PATH|live    kubectl get -o json / YAML manifests, or read the cluster live
          --kubespray INVENTORY    analyse what a kubespray run over this inventory would apply
          --kubespray-dir DIR      kubespray checkout for role defaults
          --kubespray-version V    bundled defaults to use when no checkout is given
          --kubespray-baseline DIR compare against this inventory (what a PR changes)
          -e, --extra-vars K=V     extra vars as given to ansible-playbook -e
          --source TF_DIR          the Terraform configuration: findings point at its .tf lines
          --var-file FILE          variable values for it (repeatable; terraform.tfvars, *.auto.tfvars
                                   and TF_VAR_* are read too, with Terraform's precedence)
          --format FMT             text (default), json, sarif, markdown
          --format FMT=FILE        also write that format to FILE (repeatable): one analysis, several reports
          --fail-on SEVERITY       exit 1 for findings at or above it (default high)
          --output FILE            write the report there instead of stdout
          --config FILE            defaults for these options (a JSON object)
          --disable IDS            rule ids to skip, comma-separated
          --strict                 exit 3 when the verdict is incomplete
          --region R, --cluster N, --context C   for live reads
          --quiet                  no progress on stderr
          -v, --verbose            text: every finding with its evidence chain (default: one block per incident)
          --no-color               no colour (NO_COLOR is honoured too)

        exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;
                    2 bad input or arguments; 3 incomplete under --strict;
                    70 internal error (a bug); 130/143 SIGINT/SIGTERM.


        Options also take =VALUE; @FILE reads arguments from FILE (one a line); shell completion through
        dotnet-suggest (kalc-iac [suggest] "kalc-iac --fo" prints the candidates).
        """;
}
