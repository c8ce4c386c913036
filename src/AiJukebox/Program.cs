using System.CommandLine;

namespace AiJukebox;

internal static class Program
{
    private static int Main(string[] args)
    {
        var root = new RootCommand("AI Jukebox: learns a musical style from MIDI files and performs it live. Without a verb it opens the terminal UI.");
        // One line per verb; each verb lives in Commands/<Verb>Command.cs.
        foreach (var command in new Command[]
        {
            Commands.ImportCommand.Create(),
            Commands.InspectCommand.Create(),
            Commands.PortsCommand.Create(),
            Commands.SendTestCommand.Create(),
            Commands.TrainCommand.Create(),
            Commands.GenerateCommand.Create(),
            Commands.EvaluateCommand.Create(),
            Commands.PlayCommand.Create(),
            Commands.RenderCommand.Create(),
        })
        {
            root.Subcommands.Add(command);
        }

        Ui.UiCommand.Configure(root);
        return root.Parse(args).Invoke();
    }
}
