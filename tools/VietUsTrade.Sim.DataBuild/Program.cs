namespace VietUsTrade.Sim.DataBuild;

internal static class Program
{
    private static int Main(string[] args) => args is ["ignatenko", var raw, var output] ? Ignatenko.IgnatenkoBundleBuilder.Run(raw, output) : 0;
}
