// A Go instance of livetemplate's pubsub, for the interop test: it speaks Redis (RESP over TCP, no client library)
// and builds, publishes and decodes the envelopes with encoding/json and structs shaped like livetemplate's
// (tests/wire-vectors/README.md), as a Go instance sharing the Redis does. Arguments: the Redis address and this
// instance's id. Commands on stdin, one a line, fields separated by tabs:
//
//	SUB <channel>                                  subscribe; prints "SUBSCRIBED <channel>" once Redis confirms
//	PUB <type> <scope id or topic> <action> <data> publish a server_action, group_action or topic_action; <data> is
//	                                               a JSON object (numbers kept exactly, as a Go int64 is) or "-" for
//	                                               none; prints "PUBLISHED <receivers>"
//	PUBR ...                                       the same with the fields in another order (a Go user's own struct)
//
// What arrives on a subscribed channel is printed as "MSG " and what Go decoded, routed as Go's reader routes (type
// and instance id first, its own messages dropped, then a switch on the type), or "ERROR <reason>".
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

type envelopeType struct {
	Type       string `json:"type"`
	InstanceID string `json:"instanceID"`
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

// The same fields in another order: instance id and data first, the type last.
type reorderedAction struct {
	InstanceID string                 `json:"instanceID"`
	Data       map[string]interface{} `json:"data,omitempty"`
	Timestamp  time.Time              `json:"timestamp"`
	Seq        *uint64                `json:"seq,omitempty"`
	Action     string                 `json:"action"`
	Topic      string                 `json:"topic,omitempty"`
	GroupID    *string                `json:"groupID,omitempty"`
	UserID     string                 `json:"userID,omitempty"`
	Type       string                 `json:"type"`
}

var out = struct {
	sync.Mutex
	w *bufio.Writer
}{w: bufio.NewWriter(os.Stdout)}

func say(format string, args ...interface{}) {
	out.Lock()
	defer out.Unlock()
	fmt.Fprintf(out.w, format+"\n", args...)
	out.w.Flush()
}

func main() {
	addr, own := os.Args[1], os.Args[2]
	pub, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		say("ERROR %v", err)
		os.Exit(1)
	}
	sub, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		say("ERROR %v", err)
		os.Exit(1)
	}
	pubReader := bufio.NewReader(pub)
	go receive(bufio.NewReader(sub), own)

	var seq uint64
	input := bufio.NewScanner(os.Stdin)
	input.Buffer(make([]byte, 1024*1024), 16*1024*1024)
	for input.Scan() {
		f := strings.Split(input.Text(), "\t")
		switch f[0] {
		case "SUB":
			send(sub, "SUBSCRIBE", f[1])
		case "PUB", "PUBR":
			seq++
			channel, body, err := envelope(f[0] == "PUBR", f[1], f[2], f[3], f[4], own, seq)
			if err != nil {
				say("ERROR %v", err)
				continue
			}
			send(pub, "PUBLISH", channel, string(body))
			reply, err := readReply(pubReader)
			if err != nil {
				say("ERROR %v", err)
				continue
			}
			say("PUBLISHED %v", reply)
		}
	}
}

func envelope(reordered bool, kind, scope, action, data, own string, seq uint64) (string, []byte, error) {
	var payload map[string]interface{}
	if data != "-" {
		decoder := json.NewDecoder(strings.NewReader(data))
		decoder.UseNumber()
		if err := decoder.Decode(&payload); err != nil {
			return "", nil, err
		}
	}
	now := time.Now()
	channel := map[string]string{
		"server_action": "livetemplate:action:user:",
		"group_action":  "livetemplate:groupaction:group:",
		"topic_action":  "livetemplate:topic:",
	}[kind] + scope
	if reordered {
		m := reorderedAction{InstanceID: own, Data: payload, Timestamp: now, Action: action, Type: kind}
		empty := ""
		switch kind {
		case "server_action":
			m.UserID = scope
		case "group_action":
			m.GroupID, m.Seq = &scope, &seq
		default:
			m.GroupID, m.Topic, m.Seq = &empty, scope, &seq
		}
		body, err := json.Marshal(m)
		return channel, body, err
	}
	if kind == "server_action" {
		body, err := json.Marshal(serverAction{Type: kind, UserID: scope, Action: action, Data: payload, Timestamp: now, InstanceID: own})
		return channel, body, err
	}
	m := groupAction{Type: kind, Action: action, Data: payload, Seq: seq, Timestamp: now, InstanceID: own}
	if kind == "group_action" {
		m.GroupID = scope
	} else {
		m.Topic = scope
	}
	body, err := json.Marshal(m)
	return channel, body, err
}

func receive(r *bufio.Reader, own string) {
	for {
		reply, err := readReply(r)
		if err != nil {
			say("ERROR %v", err)
			return
		}
		push, ok := reply.([]interface{})
		if !ok || len(push) < 3 {
			continue
		}
		switch push[0] {
		case "subscribe":
			say("SUBSCRIBED %v", push[1])
		case "message":
			say("MSG %s", decode([]byte(push[2].(string)), own))
		}
	}
}

func decode(line []byte, own string) string {
	var head envelopeType
	if err := json.Unmarshal(line, &head); err != nil {
		return "ERROR " + err.Error()
	}
	if head.InstanceID == own {
		return "OWN"
	}
	switch head.Type {
	case "server_action":
		var m serverAction
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		return fmt.Sprintf("server_action|%s|%s|%s", m.UserID, m.Action, canonical(line))
	case "group_action", "topic_action":
		var m groupAction
		if err := json.Unmarshal(line, &m); err != nil {
			return "ERROR " + err.Error()
		}
		if (head.Type == "topic_action") != (m.GroupID == "" && m.Topic != "") {
			return fmt.Sprintf("ERROR %s with groupID %q and topic %q", head.Type, m.GroupID, m.Topic)
		}
		if m.Seq == 0 {
			return "ERROR seq 0 from a sender with the counter"
		}
		return fmt.Sprintf("%s|%s%s|%s|%s", head.Type, m.GroupID, m.Topic, m.Action, canonical(line))
	default:
		return "ERROR not an action: " + head.Type
	}
}

// The envelope's data as Go's map holds it (numbers exactly, keys sorted), or "-" when there is none.
func canonical(line []byte) string {
	var m struct {
		Data map[string]interface{} `json:"data"`
	}
	decoder := json.NewDecoder(bytes.NewReader(line))
	decoder.UseNumber()
	if err := decoder.Decode(&m); err != nil {
		return "ERROR " + err.Error()
	}
	if m.Data == nil {
		return "-"
	}
	var buffer bytes.Buffer
	encoder := json.NewEncoder(&buffer)
	encoder.SetEscapeHTML(false)
	_ = encoder.Encode(m.Data)
	return strings.TrimSuffix(buffer.String(), "\n")
}

func send(c net.Conn, args ...string) {
	var b strings.Builder
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, a := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(a), a)
	}
	if _, err := c.Write([]byte(b.String())); err != nil {
		say("ERROR %v", err)
	}
}

// One RESP2 reply: a simple string, an error, an integer, a bulk string (nil when absent) or an array of them.
func readReply(r *bufio.Reader) (interface{}, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	line = strings.TrimSuffix(line, "\r\n")
	if line == "" {
		return nil, fmt.Errorf("empty reply")
	}
	switch line[0] {
	case '+':
		return line[1:], nil
	case '-':
		return nil, fmt.Errorf("redis: %s", line[1:])
	case ':':
		return strconv.ParseInt(line[1:], 10, 64)
	case '$':
		n, err := strconv.Atoi(line[1:])
		if err != nil || n < 0 {
			return nil, err
		}
		buf := make([]byte, n+2)
		if _, err := io.ReadFull(r, buf); err != nil {
			return nil, err
		}
		return string(buf[:n]), nil
	case '*':
		n, err := strconv.Atoi(line[1:])
		if err != nil {
			return nil, err
		}
		items := make([]interface{}, 0, n)
		for i := 0; i < n; i++ {
			item, err := readReply(r)
			if err != nil {
				return nil, err
			}
			items = append(items, item)
		}
		return items, nil
	}
	return nil, fmt.Errorf("unexpected reply %q", line)
}
