import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ReportTable } from "@/lib/sla/reports/report-tables";

/** One report table as on screen, with the CSV of exactly these cells. */
export function ReportTableCard({
  table,
  csvHref,
  children,
}: {
  table: ReportTable;
  csvHref: string;
  children?: React.ReactNode;
}) {
  return (
    <Card className="gap-3 py-4" data-report-table={table.id}>
      <CardHeader className="flex items-center justify-between px-4">
        <CardTitle>{table.title}</CardTitle>
        <Button variant="outline" size="sm" asChild>
          <a href={csvHref} download aria-label={`Download ${table.title} as CSV`}>
            CSV
          </a>
        </Button>
      </CardHeader>
      <CardContent className="grid gap-3 px-4">
        {children}
        <div className="overflow-x-auto rounded-md border">
          <Table aria-label={table.title}>
            <TableHeader>
              <TableRow>
                {table.columns.map((c, i) => (
                  <TableHead key={c} className={i === 0 ? "" : "text-right"}>
                    {c}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {table.rows.length === 0 ? (
                <TableRow>
                  <TableCell colSpan={table.columns.length} className="text-muted-foreground">
                    Nothing in this period and segment.
                  </TableCell>
                </TableRow>
              ) : (
                table.rows.map((row) => (
                  <TableRow key={row[0]}>
                    {row.map((cell, i) => (
                      <TableCell key={i} className={i === 0 ? "" : "text-right tabular-nums"}>
                        {cell}
                      </TableCell>
                    ))}
                  </TableRow>
                ))
              )}
            </TableBody>
          </Table>
        </div>
      </CardContent>
    </Card>
  );
}
