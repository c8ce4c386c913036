using System.CommandLine;

namespace AiJukebox.Tests.Commands;

/// <summary>Runs one verb in-process with captured output, as the program's root command would.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(Command verb, params string[] args)
    {
        var root = new RootCommand { verb };
        var output = new StringWriter();
        var error = new StringWriter();
        int code = root.Parse([verb.Name, .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
