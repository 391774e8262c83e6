import * as React from "react";
import { cn } from "@/lib/utils";

function Table({ className, ...props }: React.ComponentProps<"table">) {
  return (
    <div data-slot="table-container" className="relative w-full overflow-x-auto">
      <table data-slot="table" className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
function TableHeader({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead data-slot="table-header" className={cn("[&_tr]:border-b", className)} {...props} />;
}
function TableBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody data-slot="table-body" className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}
// Rows, header cells and cells carry no data-slot or base classes: app/globals.css styles every
// tr, th and td inside [data-slot="table"], once, instead of ~40 bytes on each of a page's cells.
function TableRow(props: React.ComponentProps<"tr">) {
  return <tr {...props} />;
}
function TableHead(props: React.ComponentProps<"th">) {
  return <th {...props} />;
}
function TableCell(props: React.ComponentProps<"td">) {
  return <td {...props} />;
}
function TableCaption({ className, ...props }: React.ComponentProps<"caption">) {
  return (
    <caption data-slot="table-caption" className={cn("mt-4 text-sm text-muted-foreground", className)} {...props} />
  );
}

export { Table, TableHeader, TableBody, TableHead, TableRow, TableCell, TableCaption };
