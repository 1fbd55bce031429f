namespace VietUsTrade.Sim.DataBuild;

internal static class Program
{
    private static int Main(string[] args) => args is ["ge", var raw, var output] ? Ge.IcioGeResourceBuilder.Run(raw, output) : 0;
}
