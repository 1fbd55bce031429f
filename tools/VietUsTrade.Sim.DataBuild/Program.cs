namespace VietUsTrade.Sim.DataBuild;

internal static class Program
{
    private static int Main(string[] args) => args is ["ignatenko", var raw, var output, .. var rest] ? Ignatenko.IgnatenkoBundleBuilder.Run(raw, output, rest.FirstOrDefault()) : 0;
}
