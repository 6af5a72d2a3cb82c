from . import start
