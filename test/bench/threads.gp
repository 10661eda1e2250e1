# gnuplot -e "data='threads.dat'; out='bench-threads.png'" threads.gp
# threads.dat columns: threads, calls/s, p50 us, p99 us
set terminal pngcairo size 800,500 noenhanced font ",11"
set output out
set title "get_visualization_job_info, one shared Session, emulator on loopback"
set xlabel "client threads"
set ylabel "calls per second"
set y2label "latency (us)"
set logscale x 2
set xrange [0.8:10]
set xtics (1, 2, 4, 8)
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set key outside bottom center horizontal
set grid
plot data using 1:2 with linespoints lw 2 pt 7 title "throughput (calls/s)", \
     data using 1:3 axes x1y2 with linespoints dt 2 pt 5 title "p50 latency (us)", \
     data using 1:4 axes x1y2 with linespoints dt 3 pt 9 title "p99 latency (us)"
