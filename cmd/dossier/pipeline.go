package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/pipeline"
)

func init() {
	extraCommands["pipeline"] = func(args []string) int { return pipelineCmd(args, os.Stdout, os.Stderr) }
}

const pipelineUsage = `Usage: dossier pipeline [--dot]

Print the default pipeline as a layer graph: each stage in order, the
layers it provides, and the layers it reads with the stage each comes
from ("input" is the document as read). With --dot, print the graph in
Graphviz's language (dossier pipeline --dot | dot -Tsvg > pipeline.svg).`

func pipelineCmd(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("pipeline", pipelineUsage, stderr)
	dot := fs.Bool("dot", false, "print the graph in Graphviz's dot language")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "dossier pipeline: takes no arguments (got %q)\n", rest)
		return 2
	}
	p := analyze.Default()
	if *dot {
		writeDot(stdout, p)
	} else {
		writeGraph(stdout, p)
	}
	return 0
}

// writeGraph prints one block a stage: what it provides, and what it reads
// grouped by the stage that provides it.
func writeGraph(w io.Writer, p *pipeline.Pipeline) {
	edges := p.Graph()
	for i, s := range p.Stages {
		fmt.Fprintf(w, "%d. %s\n   provides: %s\n", i+1, s.Name(), s.Provides())
		var from []string
		byFrom := map[string][]string{}
		for _, e := range edges {
			if e.To != s.Name() {
				continue
			}
			src := e.From
			if src == "" {
				src = "input"
			}
			if byFrom[src] == nil {
				from = append(from, src)
			}
			byFrom[src] = append(byFrom[src], e.Layer.String())
		}
		for k, src := range from {
			label := "   reads:    "
			if k > 0 {
				label = "             "
			}
			fmt.Fprintf(w, "%s%s (from %s)\n", label, strings.Join(byFrom[src], ", "), src)
		}
	}
}

// writeDot prints the graph for Graphviz: stages as nodes, one edge per
// pair of stages labelled with the layers that flow along it.
func writeDot(w io.Writer, p *pipeline.Pipeline) {
	fmt.Fprintln(w, "digraph pipeline {\n  rankdir=LR;\n  node [shape=box];")
	type pair struct{ from, to string }
	var order []pair
	labels := map[pair][]string{}
	for _, e := range p.Graph() {
		from := e.From
		if from == "" {
			from = "input"
		}
		k := pair{from, e.To}
		if labels[k] == nil {
			order = append(order, k)
		}
		labels[k] = append(labels[k], e.Layer.String())
	}
	for _, k := range order {
		fmt.Fprintf(w, "  %q -> %q [label=%q];\n", k.from, k.to, strings.Join(labels[k], "\n"))
	}
	fmt.Fprintln(w, "}")
}
