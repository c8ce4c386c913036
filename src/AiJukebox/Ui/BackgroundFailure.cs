namespace AiJukebox.Ui;

/// <summary>
/// What the UI does with a failure nobody expected in background work: one log line with the
/// whole exception (stderr, which the UI sends to its log) and one line for the screen, so that
/// a key never silently does nothing and the process never dies of it.
/// </summary>
internal static class BackgroundFailure
{
    /// <summary>Logs <paramref name="error"/> and returns the screen's message for it.</summary>
    public static string Report(string what, Exception error)
    {
        var cause = error is AggregateException aggregate ? aggregate.GetBaseException() : error;
        Console.Error.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss} aijukebox: {what} failed: {cause}");
        return $"{what} failed unexpectedly ({cause.GetType().Name}: {cause.Message.Split('\n')[0]}); details in the log (F9).";
    }
}
