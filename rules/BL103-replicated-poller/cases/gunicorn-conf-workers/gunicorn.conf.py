# gunicorn reads this file from the working directory on start.
bind = "0.0.0.0:" + "8000"
workers = 3
timeout = 60
accesslog = "-"
