package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/perf"
	"github.com/dossier-news/dossier/pipeline"
	"github.com/dossier-news/dossier/source"
)

func bench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", 1, "documents analysed at once (1 measures one core; 0 means all cores)")
	rounds := fs.Int("rounds", 0, "passes over the input (default: enough for about 2,000 documents)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run to this file (read it with go tool pprof)")
	hostile := fs.Bool("hostile", false, "run the pathological inputs of issue 12 (see docs/INPUT.md) at --sizes, each in a process of its own, and print time, CPU time and peak memory")
	sizes := fs.String("sizes", "1,5,16", "with --hostile: the input sizes, in MB (2^20 bytes), comma-separated")
	only := fs.String("inputs", "", "with --hostile: the inputs to run, comma-separated (default: all: "+hostileNames()+")")
	one := fs.String("hostile-one", "", "run one hostile input NAME:BYTES in this process and print its result as JSON (what --hostile runs)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: dossier bench [flags] [FILE.jsonl]\n       dossier bench --hostile [--sizes 1,5,16] [--inputs news,quote,...]\n\nAnalyses the documents of FILE.jsonl (default: the bundled example articles\njoined into one document of about 1,000 words) and prints documents/s, MB/s\nand peak memory for the whole pipeline and per stage.\n\nWith --hostile, it makes the pathological inputs (news joined into one\ndocument, words without punctuation, unclosed quotations, three-word\nsentences, a page of empty paragraphs) at each size and analyses and\nencodes each in a process of its own, on one worker, printing wall and\nCPU time, MB/s of CPU time and peak RSS. On a loaded machine read the CPU\ntime: the wall clock counts the other processes too.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return flagExit(err)
	}
	if !checkWorkers("bench", *workers, stderr) {
		return 2
	}
	if *one != "" {
		return hostileOne(*one, stdout, stderr)
	}
	if *hostile {
		return hostileTable(*sizes, *only, stdout, stderr)
	}
	var docs []*doc.Document
	if len(inputs) == 0 {
		d := doc.New("bench", examples.BenchText())
		d.Published = "2024-05-16"
		docs = append(docs, d)
	} else {
		f, err := os.Open(inputs[0])
		if err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot open %s: %v\n", inputs[0], err)
			return 1
		}
		items := make(chan pipeline.Item, 64)
		go func() {
			if err := source.ReadJSONL(f, inputs[0], source.Options{}, items); err != nil {
				fmt.Fprintf(stderr, "dossier bench: %v\n", err)
			}
			close(items)
		}()
		bad := 0
		for it := range items {
			if it.Err != nil {
				bad++
				continue
			}
			docs = append(docs, it.Doc)
		}
		f.Close()
		if bad > 0 {
			fmt.Fprintf(stderr, "dossier bench: skipped %d line(s) that could not be read\n", bad)
		}
		if len(docs) == 0 {
			fmt.Fprintf(stderr, "dossier bench: no documents in %s\n", inputs[0])
			return 1
		}
	}
	n := *rounds
	if n <= 0 {
		n = max(1, 2000/len(docs))
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot write the profile: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "dossier bench: cannot profile: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	r, err := perf.Run(analyze.Default(), docs, n, *workers)
	if err != nil {
		fmt.Fprintf(stderr, "dossier bench: a document failed: %v\n", err)
	}
	r.Print(stdout)
	return 0
}

func hostileNames() string {
	var n []string
	for _, h := range perf.HostileInputs {
		n = append(n, h.Name)
	}
	return strings.Join(n, ",")
}

// hostileTable runs every hostile input at every size, each in a child
// process (dossier bench --hostile-one), so that each peak RSS is its own.
func hostileTable(sizes, only string, stdout, stderr io.Writer) int {
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "dossier bench: cannot find this program to run it again: %v\n", err)
		return 1
	}
	names := strings.Split(hostileNames(), ",")
	if only != "" {
		names = strings.Split(only, ",")
	}
	var results []perf.HostileResult
	for _, f := range strings.Split(sizes, ",") {
		mb, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || mb <= 0 || mb > 16 {
			fmt.Fprintf(stderr, "dossier bench: --sizes %q: give sizes in MB from 0 to 16, such as 1,5,16\n", sizes)
			return 2
		}
		for _, name := range names {
			if _, ok := perf.HostileByName(name); !ok {
				fmt.Fprintf(stderr, "dossier bench: no hostile input %q: the inputs are %s\n", name, hostileNames())
				return 2
			}
			cmd := exec.Command(self, "bench", "--hostile-one", fmt.Sprintf("%s:%d", name, int(mb*(1<<20))))
			cmd.Env = os.Environ()
			cmd.Stderr = stderr
			out, err := cmd.Output()
			var r hostileJSON
			if err == nil {
				err = json.Unmarshal(out, &r)
			}
			if err != nil {
				fmt.Fprintf(stderr, "dossier bench: %s at %g MB failed: %v\n", name, mb, err)
				return 1
			}
			res := perf.HostileResult{Input: r.Input, Bytes: r.Bytes, Elapsed: time.Duration(r.ElapsedNs), CPU: time.Duration(r.CPUNs), PeakRSS: r.PeakRSS}
			if r.Err != "" {
				res.Err = errors.New(r.Err)
			}
			results = append(results, res)
			fmt.Fprintf(stderr, "dossier bench: %s, %g MB: %.2f s CPU, peak RSS %d MB\n", name, mb, res.CPU.Seconds(), res.PeakRSS>>20) // progress
		}
	}
	perf.PrintHostile(stdout, results)
	return 0
}

type hostileJSON struct {
	Input     string
	Bytes     int
	ElapsedNs int64
	CPUNs     int64
	PeakRSS   int64
	Err       string
}

// hostileOne runs one hostile input, NAME:BYTES, and prints its result.
func hostileOne(spec string, stdout, stderr io.Writer) int {
	name, n, ok := strings.Cut(spec, ":")
	h, known := perf.HostileByName(name)
	size, err := strconv.Atoi(n)
	if !ok || !known || err != nil || size <= 0 {
		fmt.Fprintf(stderr, "dossier bench: --hostile-one %q: write NAME:BYTES with NAME one of %s\n", spec, hostileNames())
		return 2
	}
	gcForSize(size)
	r := perf.RunHostile(analyze.Default(), h, size)
	j := hostileJSON{Input: r.Input, Bytes: r.Bytes, ElapsedNs: int64(r.Elapsed), CPUNs: int64(r.CPU), PeakRSS: r.PeakRSS}
	if r.Err != nil {
		j.Err = r.Err.Error()
	}
	b, _ := json.Marshal(j)
	fmt.Fprintf(stdout, "%s\n", b)
	return 0
}

// memoryCeiling is the documented ceiling (docs/INPUT.md) of each hostile
// input's peak memory beyond the program's own, in times the input's size;
// TestMemoryCeiling holds the program to it.
var memoryCeiling = map[string]float64{"news": 40, "nopunct": 50, "quote": 60, "saidno": 100, "html": 40}
