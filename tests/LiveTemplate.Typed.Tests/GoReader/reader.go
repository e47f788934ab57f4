// A Go-shaped reader of LiveTemplate.Typed envelopes, for the interop test: structs with the JSON field names
// and Go types of livetemplate's pubsub envelopes (see tests/wire-vectors/README.md), decoded with
// encoding/json exactly as a Go instance would, and routed as its reader routes: a partial parse of the
// type and instance id, its own instance's messages dropped, then a switch on the type. Reads one envelope
// per line on stdin (the first argument, when given, is this reader's own instance id); prints what it
// decoded, one line each, "OWN" for a dropped own message, or "ERROR <reason>".
package main

import (
	"bufio"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"time"
)

type envelopeType struct {
	Type       string `json:"type"`
	InstanceID string `json:"instanceID"`
}

type broadcast struct {
	Type          string    `json:"type"`
	GroupID       string    `json:"groupID,omitempty"`
	UserID        string    `json:"userID,omitempty"`
	ExcludeConnID string    `json:"excludeConnID,omitempty"`
	Payload       []byte    `json:"payload"`
	Timestamp     time.Time `json:"timestamp"`
	InstanceID    string    `json:"instanceID"`
	Scope         string    `json:"scope"`
}

type serverAction struct {
	Type       string                 `json:"type"`
	UserID     string                 `json:"userID"`
	Action     string                 `json:"action"`
	Data       map[string]interface{} `json:"data,omitempty"`
	Timestamp  time.Time              `json:"timestamp"`
	InstanceID string                 `json:"instanceID"`
}

type groupAction struct {
	Type       string                 `json:"type"`
	GroupID    string                 `json:"groupID"`
	Topic      string                 `json:"topic,omitempty"`
	Action     string                 `json:"action"`
	Data       map[string]interface{} `json:"data,omitempty"`
	Seq        uint64                 `json:"seq"`
	Timestamp  time.Time              `json:"timestamp"`
	InstanceID string                 `json:"instanceID"`
}

func main() {
	own := ""
	if len(os.Args) > 1 {
		own = os.Args[1]
	}
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for scanner.Scan() {
		fmt.Println(decode(scanner.Bytes(), own))
	}
}

func decode(line []byte, own string) string {
	var head envelopeType
	if err := json.Unmarshal(line, &head); err != nil {
		return "ERROR " + err.Error()
	}
	if own != "" && head.InstanceID == own {
		return "OWN"
	}
	switch head.Type {
	case "server_action":
		var m serverAction
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		return fmt.Sprintf("server_action|%s|%s|%s|%s|%s", m.UserID, m.Action, canonical(m.Data), stamp(m.Timestamp), m.InstanceID)
	case "group_action":
		var m groupAction
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		return fmt.Sprintf("group_action|%s|%s|%s|%d|%s|%s", m.GroupID, m.Action, canonical(m.Data), m.Seq, stamp(m.Timestamp), m.InstanceID)
	case "topic_action":
		var m groupAction // Go's GroupActionMessage carries topic actions too
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		if m.GroupID != "" || m.Topic == "" {
			return fmt.Sprintf("ERROR topic_action with groupID %q and topic %q", m.GroupID, m.Topic)
		}
		return fmt.Sprintf("topic_action|%s|%s|%s|%d|%s|%s", m.Topic, m.Action, canonical(m.Data), m.Seq, stamp(m.Timestamp), m.InstanceID)
	default:
		var m broadcast
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		return fmt.Sprintf("broadcast|%s|%s|%s|%s|%s|%s|%s", m.Scope, m.GroupID, m.UserID, m.ExcludeConnID, base64.StdEncoding.EncodeToString(m.Payload), stamp(m.Timestamp), m.InstanceID)
	}
}

func canonical(data map[string]interface{}) string {
	if data == nil {
		return "-"
	}
	out, _ := json.Marshal(data) // map keys come out sorted
	return string(out)
}

func stamp(t time.Time) string {
	return t.UTC().Format(time.RFC3339Nano)
}
