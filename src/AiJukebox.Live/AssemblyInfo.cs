namespace AiJukebox.Live;
