package pages

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/dossier-news/dossier/query"
)

// Chart is a bar chart of events over time, drawn on the server as SVG:
// one bar per day, week or month (whichever keeps the bars countable),
// each bar's title listing its events' types.
type Chart struct {
	Title         string
	Width, Height int
	Bars          []Bar
	Ticks         []Tick
	Max           int
	Unit          string // day, week, month
	Undated       int
	Outside       int // dated events outside the chart's span
	Base          int // the y of the axis
}

// Bar is one period's bar.
type Bar struct {
	X, Y, W, H float64
	Label      string // the period and its count, for the bar's title
	Href       string // the timeline of that period
}

// Tick is a label on the time axis.
type Tick struct {
	X     float64
	Label string
}

// EventChart draws the events by date; nil when none has a date.
func EventChart(es []query.Event, title string) *Chart {
	counts := map[string]int{}
	types := map[string]map[string]int{}
	undated := 0
	var dates []time.Time
	for _, e := range es {
		t, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			undated++
			continue
		}
		dates = append(dates, t)
	}
	if len(dates) == 0 {
		return nil
	}
	// The chart spans the middle 96% of the dates, so that a few events
	// dated years away (a quake "in 1987" recalled) do not squash the rest
	// into one bar; the caption says how many lie outside.
	sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
	trim := len(dates) * 2 / 100
	first, last := dates[trim], dates[len(dates)-1-trim]
	outside := 2 * trim
	days := int(last.Sub(first).Hours()/24) + 1
	unit, key := "day", func(t time.Time) time.Time { return t }
	next := func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	switch {
	case days > 730:
		unit, key = "month", func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	case days > 120:
		unit, key = "week", func(t time.Time) time.Time { return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	}
	for _, e := range es {
		t, err := time.Parse("2006-01-02", e.Date)
		if err != nil || t.Before(first) || t.After(last) {
			continue
		}
		k := key(t).Format("2006-01-02")
		counts[k]++
		if types[k] == nil {
			types[k] = map[string]int{}
		}
		types[k][e.Type]++
	}
	var periods []time.Time
	for t := key(first); !t.After(last); t = next(t) {
		periods = append(periods, t)
	}
	c := &Chart{Title: title, Width: 720, Height: 220, Unit: unit, Undated: undated, Outside: outside, Base: 190}
	for _, n := range counts {
		c.Max = max(c.Max, n)
	}
	left, right := 36.0, 40.0
	w := (float64(c.Width) - left - right) / float64(len(periods))
	tickEvery := max(1, len(periods)/8)
	for i, t := range periods {
		k := t.Format("2006-01-02")
		n := counts[k]
		x := left + float64(i)*w
		if i%tickEvery == 0 && x < float64(c.Width)-70 {
			c.Ticks = append(c.Ticks, Tick{X: x, Label: periodLabel(t, unit)})
		}
		if n == 0 {
			continue
		}
		h := float64(n) / float64(c.Max) * 170
		c.Bars = append(c.Bars, Bar{X: x + 0.5, Y: float64(c.Base) - h, W: max(w-1, 1), H: h,
			Label: fmt.Sprintf("%s %s: %d event(s): %s", unit, periodLabel(t, unit), n, typeList(types[k])),
			Href:  "/timeline?since=" + k + "&until=" + next(t).AddDate(0, 0, -1).Format("2006-01-02")})
	}
	return c
}

func periodLabel(t time.Time, unit string) string {
	if unit == "month" {
		return t.Format("2006-01")
	}
	return t.Format("2006-01-02")
}

// typeList is "ASSAULT 2, AID 1", most first.
func typeList(m map[string]int) string {
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range m {
		l = append(l, kv{k, n})
	}
	sort.Slice(l, func(i, j int) bool { return l[i].n > l[j].n || l[i].n == l[j].n && l[i].k < l[j].k })
	s := ""
	for i, x := range l {
		if i > 0 {
			s += ", "
		}
		s += x.k + " " + strconv.Itoa(x.n)
	}
	return s
}
