import shutil

shutil.make_archive("/home/pi/backups/home-bot", "gztar", "/home/pi/home-bot/data")
