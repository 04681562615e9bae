using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TalentCloud.Core.Data.PostgreSqlMigrations
{
    /// <inheritdoc />
    public partial class OffersFromProposalsCloudFirstJobsSupport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Offers_Clouds_CloudId",
                table: "Offers");

            migrationBuilder.AlterColumn<int>(
                name: "CloudId",
                table: "Offers",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "ProposalId",
                table: "Offers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PublicFrom",
                table: "Jobs",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CloudOnboardingTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CloudId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudOnboardingTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudOnboardingTasks_Clouds_CloudId",
                        column: x => x.CloudId,
                        principalTable: "Clouds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ArticleSlug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastReplyAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportRequests_AspNetUsers_ClosedByUserId",
                        column: x => x.ClosedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SupportRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SupportRequestId = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupportReplies_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupportReplies_SupportRequests_SupportRequestId",
                        column: x => x.SupportRequestId,
                        principalTable: "SupportRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ProposalId",
                table: "Offers",
                column: "ProposalId",
                unique: true,
                filter: "\"Status\" IN (1, 5)");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Status_PublicFrom",
                table: "Jobs",
                columns: new[] { "Status", "PublicFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudOnboardingTasks_CloudId_Position",
                table: "CloudOnboardingTasks",
                columns: new[] { "CloudId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportReplies_AuthorUserId",
                table: "SupportReplies",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportReplies_SupportRequestId",
                table: "SupportReplies",
                column: "SupportRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_ClosedByUserId",
                table: "SupportRequests",
                column: "ClosedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_Status_CreatedAt",
                table: "SupportRequests",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportRequests_UserId_CreatedAt",
                table: "SupportRequests",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Offers_Clouds_CloudId",
                table: "Offers",
                column: "CloudId",
                principalTable: "Clouds",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Offers_Proposals_ProposalId",
                table: "Offers",
                column: "ProposalId",
                principalTable: "Proposals",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Offers_Clouds_CloudId",
                table: "Offers");

            migrationBuilder.DropForeignKey(
                name: "FK_Offers_Proposals_ProposalId",
                table: "Offers");

            migrationBuilder.DropTable(
                name: "CloudOnboardingTasks");

            migrationBuilder.DropTable(
                name: "SupportReplies");

            migrationBuilder.DropTable(
                name: "SupportRequests");

            migrationBuilder.DropIndex(
                name: "IX_Offers_ProposalId",
                table: "Offers");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Status_PublicFrom",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "ProposalId",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "PublicFrom",
                table: "Jobs");

            migrationBuilder.AlterColumn<int>(
                name: "CloudId",
                table: "Offers",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Offers_Clouds_CloudId",
                table: "Offers",
                column: "CloudId",
                principalTable: "Clouds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
