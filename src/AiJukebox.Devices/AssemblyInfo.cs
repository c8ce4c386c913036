namespace AiJukebox.Devices;
