def due_reminders():
    return []
