namespace AiJukebox.Model;

/// <summary>What a model was trained on.</summary>
/// <param name="NotesFile">The notes file's name.</param>
/// <param name="Pieces">Pieces in the notes file.</param>
/// <param name="Tokens">Tokens in the notes file.</param>
/// <param name="TrainPieces">Pieces used for training.</param>
/// <param name="TrainTokens">Tokens in the training pieces.</param>
/// <param name="ValidationPieces">Pieces held out for validation.</param>
/// <param name="ValidationTokens">Tokens in the validation pieces.</param>
/// <param name="Attribution">Who made the corpus and under which licence, as given.</param>
public sealed record CorpusSummary(string NotesFile, int Pieces, long Tokens, int TrainPieces, long TrainTokens, int ValidationPieces, long ValidationTokens, string? Attribution);
