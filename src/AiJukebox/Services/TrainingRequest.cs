namespace AiJukebox.Services;

/// <summary>What the Train screen asks for: a source, a run folder, a preset and the main overrides.</summary>
/// <param name="Source">A notes file (.json) or a folder of MIDI files (imported into the run folder first).</param>
/// <param name="RunDirectory">Where checkpoints, history and the model card go.</param>
/// <param name="Preset">A built-in preset name or a preset .json file.</param>
/// <param name="Epochs">Maximum epochs (null: the preset's).</param>
/// <param name="Hidden">LSTM hidden size (null: the preset's).</param>
/// <param name="Layers">Stacked layers (null: the preset's).</param>
/// <param name="Window">Tokens per training window (null: the preset's).</param>
/// <param name="Resume">Continue the run folder's last checkpoint.</param>
internal sealed record TrainingRequest(string Source, string RunDirectory, string Preset, int? Epochs, int? Hidden, int? Layers, int? Window, bool Resume);
