/// What `botlint init` writes: every key, commented, at its default.
public enum ConfigTemplate {
    public static let text = """
    # botlint settings. Every key is optional; `botlint config --show` prints the effective values
    # and where each comes from. Unknown keys are errors, so a typo never goes unnoticed.

    # Exit 1 when a finding is at or above this severity: "error", "warning" or "note".
    fail-on = "error"

    # Read `# botlint: disable=BL101 reason` comments (false: like --no-inline-suppressions).
    inline-suppressions = true

    [rules]
    # Rules to turn off, by id or name: ["BL104"].
    disable = []

    [rules.severity]
    # A rule's severity: BL104 = "error"

    [rules.per-file-ignores]
    # Drop a rule's findings in files matching a pattern (JSON files have no comments):
    # "services/api/railway.json" = ["BL103"]

    [paths]
    # Files to read as if they were not in the repository. Patterns start at the repository
    # root; `*` and `?` stay within a folder name, `**` spans folders: ["legacy/**"].
    exclude = []

    [tokens]
    # Local scripts, crontab lines and dev commands use their own test bot, never production's.
    local-uses-dev-token = false

    # What the repository cannot show about a runner. `match` is fly:APP[/GROUP],
    # railway:SERVICE[/ENVIRONMENT], procfile:TYPE, npm:SCRIPT, script:PATH, cron:PATH or the
    # declaring file and line (deploy/Procfile:3).
    # [[runners]]
    # match = "fly:my-bot/worker"
    # instances = 1          # copies really running (fly scale count); 0: not deployed
    # bot = "production"     # runners with different bot names never share a token
    # reason = "scaled to one machine with fly scale count 1"

    # Variables set in a dashboard or with `fly secrets`, so conditions on them evaluate:
    # [env."railway:api"]
    # DISABLE_TELEGRAM_BOT = "true"

    """
}
