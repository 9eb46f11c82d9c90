// Package metrics counts what the Discord face does, for Prometheus
// (github.com/prometheus/client_golang): questions by kind and outcome,
// answer latency, deferrals, handler errors and panics, gateway
// reconnects, cooldowns, the articles and sentences loaded, and articles
// added and removed. It also serves them, with a health check.
//
// Every collector belongs to one Metrics, registered on the registry it is
// given: nothing is registered on Prometheus's global default registry,
// so two bots in one process (tests, replicas) count apart.
package metrics

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// namespace prefixes every metric's name.
const namespace = "articlebot"

// latencyBuckets are the upper bounds, in seconds, of the answer latency
// histogram, from an interaction's arrival to its answer being sent. The
// engine answers in 0.1 to 3 ms (BenchmarkAskDefault, BenchmarkAskLarge)
// and a REST round trip to Discord takes 50 to 300 ms, so the low buckets
// tell the engine from the network; 1.5 s is where the dispatcher defers,
// 3 s is Discord's deadline for the first response, and 30 s the
// handler timeout (a deferred answer fetching a link may take 20 s).
var latencyBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 3, 5, 10, 20, 30}

// Outcomes of a question, as labelled.
const (
	Answered     = "answered"
	NoAnswer     = "doesnt_say"
	outcomeLabel = "outcome"
	kindLabel    = "kind"
)

// Corpus reports the articles and sentences loaded now.
type Corpus func() (articles, sentences int)

// Metrics are one bot's collectors. A nil *Metrics counts nothing, so code
// paths (and tests) without metrics need no checks.
type Metrics struct {
	questions  *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	deferrals  prometheus.Counter
	errors     *prometheus.CounterVec
	panics     prometheus.Counter
	reconnects prometheus.Counter
	cooldowns  prometheus.Counter
	added      prometheus.Counter
	removed    prometheus.Counter
}

// New makes the collectors and registers them on reg; corpus, when not
// nil, is asked for the articles and sentences loaded at each scrape.
func New(reg prometheus.Registerer, corpus Corpus) (*Metrics, error) {
	m := &Metrics{
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "questions_total",
			Help: "Questions answered by the engine, by kind of question and by outcome (answered, or the article doesn't say).",
		}, []string{kindLabel, outcomeLabel}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Namespace: namespace, Name: "answer_seconds",
			Help:    "Time from an interaction's or message's arrival to its answer being sent, by transport: gateway, http (interactions), mention, thread (messages).",
			Buckets: latencyBuckets,
		}, []string{"transport"}),
		deferrals: counter("deferrals_total", "Interactions deferred because their answer took longer than the defer threshold, or every worker was busy."),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: namespace, Name: "handler_errors_total",
			Help: "Handlers that failed, by outcome (internal_error, timeout, panic); refusals of bad input are not errors.",
		}, []string{outcomeLabel}),
		panics:     counter("handler_panics_total", "Handler panics recovered."),
		reconnects: counter("gateway_reconnects_total", "Gateway connections made after the first (resumed or identified anew)."),
		cooldowns:  counter("cooldowns_total", "Commands, button presses and messages refused by the per-user cooldown."),
		added:      counter("articles_added_total", "Articles added with /article add."),
		removed:    counter("articles_removed_total", "Articles removed with /article remove."),
	}
	cs := []prometheus.Collector{m.questions, m.latency, m.deferrals, m.errors, m.panics, m.reconnects, m.cooldowns, m.added, m.removed}
	if corpus != nil {
		cs = append(cs,
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Namespace: namespace, Name: "articles",
				Help: "Articles loaded.",
			}, func() float64 { n, _ := corpus(); return float64(n) }),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{
				Namespace: namespace, Name: "sentences",
				Help: "Sentences loaded, in all articles.",
			}, func() float64 { _, n := corpus(); return float64(n) }),
		)
	}
	var errs []error
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("metrics: register: %w", err)
	}
	return m, nil
}

// counter is one of the bot's counters.
func counter(name, help string) prometheus.Counter {
	return prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Name: name, Help: help})
}

// Question counts one question the engine answered: its kind and whether
// the article said.
func (m *Metrics) Question(kind string, answered bool) {
	if m == nil {
		return
	}
	outcome := NoAnswer
	if answered {
		outcome = Answered
	}
	if kind == "" {
		kind = "other"
	}
	m.questions.WithLabelValues(kind, outcome).Inc()
}

// Answer records how long an answer took over a transport.
func (m *Metrics) Answer(transport string, d time.Duration) {
	if m == nil {
		return
	}
	m.latency.WithLabelValues(transport).Observe(d.Seconds())
}

// Deferred counts a deferral.
func (m *Metrics) Deferred() {
	if m != nil {
		m.deferrals.Inc()
	}
}

// HandlerError counts a failed handler by its outcome.
func (m *Metrics) HandlerError(outcome string) {
	if m != nil {
		m.errors.WithLabelValues(outcome).Inc()
	}
}

// Panic counts a recovered panic (also counted as a handler error).
func (m *Metrics) Panic() {
	if m != nil {
		m.panics.Inc()
		m.errors.WithLabelValues("panic").Inc()
	}
}

// Reconnect counts a gateway connection after the first.
func (m *Metrics) Reconnect() {
	if m != nil {
		m.reconnects.Inc()
	}
}

// Cooldown counts a question refused by the cooldown.
func (m *Metrics) Cooldown() {
	if m != nil {
		m.cooldowns.Inc()
	}
}

// Added counts an article added.
func (m *Metrics) Added() {
	if m != nil {
		m.added.Inc()
	}
}

// Removed counts an article removed.
func (m *Metrics) Removed() {
	if m != nil {
		m.removed.Inc()
	}
}

// Handler serves /metrics (g's metrics in Prometheus's text format) and
// /healthz (200 "ok" while healthy returns nil, else 503 with its error).
func Handler(g prometheus.Gatherer, healthy func() error) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(g, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if healthy != nil {
			if err := healthy(); err != nil {
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintf(w, "unhealthy: %v\n", err)
				return
			}
		}
		fmt.Fprintln(w, "ok")
	})
	return mux
}
