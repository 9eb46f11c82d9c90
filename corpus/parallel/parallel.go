// Package parallel runs a loader's work on many items, a few at a time:
// each article file of a folder read and parsed (corpus.Load), or
// extracted ahead of a load (bot.Loaded.Prepare).
package parallel

import (
	"context"
	"sync"
)

// Map runs f(0) … f(n-1), workers at a time, and returns their results
// in order. It stops starting new ones when ctx ends; the results of those
// it did not start are T's zero value.
func Map[T any](ctx context.Context, n, workers int, f func(i int) T) []T {
	out := make([]T, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(max(workers, 1), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = f(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
