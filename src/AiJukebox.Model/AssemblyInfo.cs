namespace AiJukebox.Model;
